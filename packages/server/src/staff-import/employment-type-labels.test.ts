import { describe, expect, it } from "vitest";
import { parseEmploymentType } from "./employment-type-labels";

describe("parseEmploymentType", () => {
  it.each([
    ["正規", "regular"],
    ["正規職員", "regular"],
    ["一般職", "regular"],
    ["正職員", "regular"],
    ["regular", "regular"],
    ["会計年度任用職員", "fiscalYearAppointee"],
    ["会計年度", "fiscalYearAppointee"],
    ["fiscalYearAppointee", "fiscalYearAppointee"],
    ["FiscalYearAppointee", "fiscalYearAppointee"],
    ["再任用", "reappointed"],
    ["任期付", "fixedTerm"],
    ["任期付き職員", "fixedTerm"],
    ["臨時", "temporary"],
    ["臨時的任用職員", "temporary"],
    [" 正規 ", "regular"],
  ])("reads %s as %s", (text, expected) => {
    expect(parseEmploymentType(text)).toBe(expected);
  });

  it.each(["パート", "", "1", "嘱託"])("does not guess %s", (text) => {
    expect(parseEmploymentType(text)).toBeNull();
  });
});
