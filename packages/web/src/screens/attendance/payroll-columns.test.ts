import { payrollFields } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { ja } from "../../i18n/ja";
import { moveColumn, nextColumn, payrollFieldLabel, removeColumn } from "./payroll-columns";

const columns = [
  { header: "職員番号", field: "staffNumber" as const },
  { header: "氏名", field: "name" as const },
  { header: "勤務時間", field: "workedMinutes" as const },
];

describe("the payroll file's columns", () => {
  it("moves a column up or down by one, and leaves the ends where they are", () => {
    expect(moveColumn(columns, 2, -1).map((column) => column.field)).toEqual([
      "staffNumber",
      "workedMinutes",
      "name",
    ]);
    expect(moveColumn(columns, 0, 1).map((column) => column.field)).toEqual([
      "name",
      "staffNumber",
      "workedMinutes",
    ]);
    expect(moveColumn(columns, 0, -1)).toEqual(columns);
    expect(moveColumn(columns, 2, 1)).toEqual(columns);
  });

  it("removes only the column asked for", () => {
    expect(removeColumn(columns, 1).map((column) => column.field)).toEqual(["staffNumber", "workedMinutes"]);
  });

  it("adds the first field the file does not carry yet", () => {
    expect(nextColumn(columns, (field) => `[${field}]`)).toEqual({ header: "[month]", field: "month" });
  });

  it("names every payroll field in both languages", () => {
    for (const field of payrollFields) {
      const label = payrollFieldLabel(field);
      const keys = label.kind === "plain" ? [label.key] : [label.bucket, label.tier, label.unit];
      for (const key of keys) {
        expect(ja[key], field).toMatch(/./);
        expect(en[key], field).toMatch(/./);
      }
    }
  });

  it("reads an overtime field as its bucket, tier and unit", () => {
    expect(payrollFieldLabel("overtime.holidayNight.over60.hours")).toEqual({
      kind: "overtime",
      bucket: "rules.bucket.holidayNight",
      tier: "rules.tier.over60",
      unit: "payroll.unit.hours",
    });
  });
});
