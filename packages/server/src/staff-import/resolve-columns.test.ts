import { describe, expect, it } from "vitest";
import { resolveColumns } from "./resolve-columns";

const exportHeader = [
  "職員番号",
  "氏",
  "名",
  "氏カナ",
  "名カナ",
  "所属コード",
  "所属名",
  "職コード",
  "職名",
  "雇用区分",
  "採用日",
  "退職日",
  "メール",
  "電話",
];

describe("resolveColumns", () => {
  it("finds every field of our own export by its Japanese header", () => {
    const result = resolveColumns(exportHeader, {});
    expect(result).toEqual({
      ok: true,
      columns: {
        staffNumber: { index: 0, part: "whole" },
        familyName: { index: 1, part: "whole" },
        givenName: { index: 2, part: "whole" },
        familyNameKana: { index: 3, part: "whole" },
        givenNameKana: { index: 4, part: "whole" },
        departmentCode: { index: 5, part: "whole" },
        positionCode: { index: 7, part: "whole" },
        employmentType: { index: 9, part: "whole" },
        startDate: { index: 10, part: "whole" },
        endDate: { index: 11, part: "whole" },
        email: { index: 12, part: "whole" },
        phone: { index: 13, part: "whole" },
      },
    });
  });

  it("accepts English ids, full-width brackets and stray spaces", () => {
    const header = [
      " staffNumber ",
      "姓",
      "名",
      "フリガナ（氏）",
      "フリガナ（名）",
      "DepartmentCode",
      "employmentType",
      "採用年月日",
    ];
    const result = resolveColumns(header, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.columns.staffNumber?.index).toBe(0);
    expect(result.columns.familyNameKana?.index).toBe(3);
    expect(result.columns.givenNameKana?.index).toBe(4);
    expect(result.columns.departmentCode?.index).toBe(5);
    expect(result.columns.positionCode).toBeUndefined();
  });

  it("splits a single 氏名 and フリガナ column", () => {
    const result = resolveColumns(["職員番号", "氏名", "フリガナ", "所属コード", "雇用区分", "採用日"], {});
    expect(result.ok && result.columns).toMatchObject({
      familyName: { index: 1, part: "first" },
      givenName: { index: 1, part: "rest" },
      familyNameKana: { index: 2, part: "first" },
      givenNameKana: { index: 2, part: "rest" },
    });
  });

  it("prefers the earliest listed name when a file has both 電話 and 内線", () => {
    const result = resolveColumns([...exportHeader.slice(0, 13), "内線", "電話番号"], {});
    expect(result.ok && result.columns.phone).toEqual({ index: 14, part: "whole" });
  });

  it("lets the request's mapping override the built-in names", () => {
    const header = ["社員CD", "氏", "名", "氏カナ", "名カナ", "課CD", "区分", "入庁日", "電話", "携帯"];
    const mapping = {
      staffNumber: "社員CD",
      departmentCode: "課CD",
      employmentType: "区分",
      startDate: "入庁日",
      phone: "携帯",
    };
    const result = resolveColumns(header, mapping);
    expect(result.ok && result.columns).toMatchObject({
      staffNumber: { index: 0 },
      departmentCode: { index: 5 },
      employmentType: { index: 6 },
      startDate: { index: 7 },
      phone: { index: 9 },
    });
  });

  it("splits a column the mapping gives to both halves of the name", () => {
    const header = ["番号", "職員名", "よみ", "所属コード", "雇用区分", "採用日"];
    const mapping = {
      staffNumber: "番号",
      familyName: "職員名",
      givenName: "職員名",
      familyNameKana: "よみ",
      givenNameKana: "よみ",
    };
    const result = resolveColumns(header, mapping);
    expect(result.ok && result.columns).toMatchObject({
      familyName: { index: 1, part: "first" },
      givenName: { index: 1, part: "rest" },
      familyNameKana: { index: 2, part: "first" },
      givenNameKana: { index: 2, part: "rest" },
    });
  });

  it("names every missing required column in one error on line 1", () => {
    expect(resolveColumns(["職員番号", "氏", "名", "所属コード"], {})).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          field: null,
          message:
            "missing required columns: familyNameKana (氏カナ), givenNameKana (名カナ), employmentType (雇用区分), startDate (採用日)",
        },
      ],
    });
  });

  it("reports a mapping to a header the file does not have", () => {
    const result = resolveColumns(exportHeader, { email: "E-mail" });
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 1, field: "email", message: 'mapped column "E-mail" is not in the header' }],
    });
  });
});
