import type { Department, Position } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import type { ImportReference } from "./import-types";
import { parseCsv } from "./parse-csv";
import { type ColumnMap, resolveColumns } from "./resolve-columns";
import { validateRows } from "./validate-rows";

const department = (id: number, code: string, validTo: string | null = null): Department => ({
  id,
  code,
  name: `課${code}`,
  kind: "section",
  parentId: null,
  validFrom: "2000-04-01",
  validTo,
});
const position = (id: number, code: string): Position => ({
  id,
  code,
  name: `職${code}`,
  rank: id,
  isSectionHead: false,
});

const reference: ImportReference = {
  effectiveDate: "2026-04-01",
  departments: new Map([
    ["1100", department(1, "1100")],
    ["1200", department(2, "1200", "2026-09-30")],
  ]),
  positions: new Map([["60", position(6, "60")]]),
};

const header = "職員番号,氏,名,氏カナ,名カナ,所属コード,職コード,雇用区分,採用日,退職日,メール,電話";

function validate(text: string) {
  const table = parseCsv(text);
  const resolution = resolveColumns(table.header, {});
  if (!resolution.ok) throw new Error(resolution.errors[0]?.message);
  return validateRows(table.rows, resolution.columns, reference);
}

describe("validateRows", () => {
  it("turns a good row into typed values", () => {
    const result = validate(
      `${header}\n１００１,山田,太郎,ﾔﾏﾀﾞ,たろう,1100,60,会計年度任用職員,R8.4.1,2027/3/31,Taro@Town.example.jp,201\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        staffNumber: "1001",
        familyName: "山田",
        givenName: "太郎",
        familyNameKana: "ヤマダ",
        givenNameKana: "たろう",
        employmentType: "fiscalYearAppointee",
        startDate: "2026-04-01",
        endDate: "2027-03-31",
        email: "Taro@Town.example.jp",
        phone: "201",
        department: reference.departments.get("1100"),
        position: reference.positions.get("60"),
      },
    ]);
  });

  it("reads empty optional cells as null and missing optional columns as undefined", () => {
    const table = parseCsv(
      "職員番号,氏,名,氏カナ,名カナ,所属コード,雇用区分,採用日,メール\n1001,山田,太郎,ヤマダ,タロウ,1100,正規,2026-04-01,\n",
    );
    const resolution = resolveColumns(table.header, {});
    const columns: ColumnMap = resolution.ok ? resolution.columns : {};
    const [row] = validateRows(table.rows, columns, reference).rows;
    expect(row).toMatchObject({ email: null, endDate: undefined, phone: undefined, position: undefined });
  });

  it("reports every problem with its line and field, not just the first", () => {
    const text = [
      header,
      "1001,山田,太郎,Yamada,タロウ,1100,60,正規,2026-04-01,,,",
      "1002,佐藤,花子,サトウ,ハナコ,9999,99,パート,2026/13/01,,hanako@,",
      "10 03,,次郎,スズキ,ジロウ,1100,,正規,2026-04-01,2026-03-31,,",
      "1004,田中,一,タナカ,ハジメ,1200,,正規,2026-10-01,,,",
      "1005,伊藤,二郎,イトウ,ジロウ,1100,,正規,2026-02-30,,,0123456789012345678901234567890",
    ].join("\r\n");
    const result = validate(text);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 2, field: "familyNameKana", message: '"Yamada" must be written in kana' },
      { line: 3, field: "departmentCode", message: '"9999" is not a department on 2026-04-01' },
      { line: 3, field: "positionCode", message: '"99" is not a position' },
      {
        line: 3,
        field: "employmentType",
        message: '"パート" is not one of 正規, 会計年度任用職員, 再任用, 任期付, 臨時',
      },
      { line: 3, field: "startDate", message: '"2026/13/01" is not a date' },
      { line: 3, field: "email", message: '"hanako@" is not an email address' },
      { line: 4, field: "staffNumber", message: '"10 03" must be 1–20 letters, digits or hyphens' },
      { line: 4, field: "familyName", message: "is empty" },
      { line: 4, field: "endDate", message: "2026-03-31 is before startDate 2026-04-01" },
      { line: 5, field: "departmentCode", message: '"1200" ends on 2026-09-30, before startDate 2026-10-01' },
      { line: 6, field: "startDate", message: '"2026-02-30" is not a date' },
      { line: 6, field: "phone", message: "is longer than 30 characters" },
    ]);
  });

  it("reports a duplicated staff number on each of its lines", () => {
    const row = (n: string) => `${n},山田,太郎,ヤマダ,タロウ,1100,,正規,2026-04-01,,,`;
    const result = validate([header, row("1001"), row("1002"), row("1001"), row("1001")].join("\n"));
    expect(result.rows.map((staff) => staff.staffNumber)).toEqual(["1002"]);
    expect(result.errors).toEqual([
      { line: 2, field: "staffNumber", message: '"1001" also appears on lines 4, 5' },
      { line: 4, field: "staffNumber", message: '"1001" also appears on lines 2, 5' },
      { line: 5, field: "staffNumber", message: '"1001" also appears on lines 2, 4' },
    ]);
    expect([...result.staffNumbers]).toEqual(["1001", "1002"]);
  });

  it("explains a combined name without a space", () => {
    const table = parseCsv(
      "職員番号,氏名,カナ,所属コード,雇用区分,採用日\n1001,山田太郎,ヤマダ タロウ,1100,正規,2026-04-01\n",
    );
    const resolution = resolveColumns(table.header, {});
    const result = validateRows(table.rows, resolution.ok ? resolution.columns : {}, reference);
    expect(result.errors).toEqual([
      { line: 2, field: "givenName", message: '"山田太郎" has no space between the family and given name' },
    ]);
  });

  it("counts the staff numbers of bad rows too, so they are never taken for leavers", () => {
    const result = validate(`${header}\n1001,山田,太郎,ヤマダ,タロウ,1100,,正規,昨日,,,\n`);
    expect(result.rows).toEqual([]);
    expect(result.staffNumbers.has("1001")).toBe(true);
  });
});
