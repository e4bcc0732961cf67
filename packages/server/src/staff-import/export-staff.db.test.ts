import type { StaffImportRequest } from "@tobira/protocol";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { readFixtureBase64, seedTownOrg } from "../../test/fixtures/town-org";
import { exportStaff } from "./export-staff";
import { applyStaffImport, previewStaffImport } from "./staff-import-use-cases";

const header = "職員番号,氏,名,氏カナ,名カナ,所属コード,職コード,雇用区分,採用日,退職日,メール,電話";

function importRequest(
  contentBase64: string,
  overrides: Partial<StaffImportRequest> = {},
): StaffImportRequest {
  return {
    contentBase64,
    encoding: "auto",
    mapping: {},
    leaversEndDate: null,
    effectiveDate: "2026-04-01",
    ...overrides,
  };
}

describeEachDatabase("exporting staff", (context) => {
  beforeAll(async () => {
    const { deps } = context();
    await seedTownOrg(deps.db);
    await applyStaffImport(deps, "hr01", importRequest(readFixtureBase64("staff-payroll-sjis.csv")));
    await applyStaffImport(deps, "hr01", importRequest(readFixtureBase64("staff-utf8-bom.csv")));
    const risky = [
      header,
      '004001,"=HYPERLINK(""http://evil.example"",""x"")",太郎,ヤマダ,タロウ,1100,60,正規,2026-04-01,,,+81-879-82-0001',
      "004002,@SUM(A1),花子,ヤマダ,ハナコ,1100,,臨時,2026-04-01,2026-09-30,,-1",
    ];
    await applyStaffImport(deps, "hr01", importRequest(Buffer.from(risky.join("\r\n")).toString("base64")));
  });

  it("writes today's staff as UTF-8 CSV with a BOM and the import's own headers", async () => {
    const file = await exportStaff(context().deps, { format: "csv", encoding: "utf-8" });
    expect(file.fileName).toBe("staff-2026-04-01.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "職員番号,氏,名,氏カナ,名カナ,所属コード,所属名,職コード,職名,雇用区分,採用日,退職日,メール,電話",
    );
    expect(lines[1]).toBe("001001,髙橋,一郎,タカハシ,イチロウ,1100,総務課,10,課長,正規,1996-04-01,,,201");
    // 001006 left on 2026-03-31; 002002 and 002004 start on the day itself.
    const numbers = lines.slice(1, -1).map((line) => line.split(",")[0]);
    expect(numbers).toEqual([
      "001001",
      "001002",
      "001003",
      "001004",
      "001005",
      "001007",
      "001008",
      "002001",
      "002002",
      "002003",
      "002004",
      "002005",
      "004001",
      "004002",
    ]);
    expect(lines.at(-1)).toBe("");
  });

  it("escapes cells a spreadsheet would run as formulas", async () => {
    const file = await exportStaff(context().deps, { format: "csv", encoding: "utf-8" });
    const text = file.body.toString("utf8");
    expect(text).toContain(`004001,"'=HYPERLINK(""http://evil.example"",""x"")",太郎,`);
    expect(text).toContain(",'+81-879-82-0001\r\n");
    expect(text).toContain("004002,'@SUM(A1),花子,");
    expect(text).toContain(",臨時,2026-04-01,2026-09-30,,-1\r\n");
    expect(text).toContain(",'+81-879-82-2105\r\n");
  });

  it("re-imports its own export with no changes, leavers or adds", async () => {
    const { deps } = context();
    for (const encoding of ["utf-8", "shift_jis"] as const) {
      const file = await exportStaff(deps, { format: "csv", encoding });
      const preview = await previewStaffImport(
        deps,
        importRequest(file.body.toString("base64"), { leaversEndDate: "2026-03-31" }),
      );
      expect(preview).toEqual({
        encoding,
        rowCount: 14,
        errors: [],
        adds: [],
        changes: [],
        leavers: [],
        unchangedCount: 14,
      });
    }
  });

  it("writes Shift_JIS (CP932) on request, 髙 and 﨑 included", async () => {
    const file = await exportStaff(context().deps, { format: "csv", encoding: "shift_jis" });
    expect(file.contentType).toBe("text/csv; charset=Shift_JIS");
    const text = iconv.decode(file.body, "cp932");
    expect(text.startsWith("職員番号,")).toBe(true);
    expect(text).toContain("001001,髙橋,一郎,");
    expect(text).toContain("001002,山﨑,美咲,");
  });

  it("exports as of another day", async () => {
    const file = await exportStaff(context().deps, { format: "csv", encoding: "utf-8", asOf: "2026-03-31" });
    expect(file.fileName).toBe("staff-2026-03-31.csv");
    const numbers = file.body
      .toString("utf8")
      .slice(1)
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[0]);
    expect(numbers).toContain("001006");
    expect(numbers).not.toContain("002002");
    expect(numbers).not.toContain("004001");
  });

  it("writes an Excel workbook with a bold, frozen header and text cells", async () => {
    const file = await exportStaff(context().deps, { format: "xlsx", encoding: "utf-8" });
    expect(file.fileName).toBe("staff-2026-04-01.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.body).buffer);
    const sheet = workbook.getWorksheet("職員");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.getRow(1).getCell(1).value).toBe("職員番号");
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      "001001",
      "髙橋",
      "一郎",
      "タカハシ",
      "イチロウ",
      "1100",
      "総務課",
      "10",
      "課長",
      "正規",
      "1996-04-01",
      "",
      "",
      "201",
    ]);
    const risky = sheet?.getRow(14);
    expect(risky?.getCell(1).value).toBe("004001");
    expect(risky?.getCell(2).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(risky?.getCell(2).formula).toBeUndefined();
    expect(sheet?.rowCount).toBe(15);
  });
});
