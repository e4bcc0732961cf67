import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { formatCsv } from "./format-csv";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it("numbers rows by the physical line they start on, counting blank lines and embedded newlines", () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n"4\n5\n6",7\n8,9\r\n';
    expect(parseCsv(text)).toEqual({
      header: ["a", "b"],
      rows: [
        { line: 2, cells: ["1", "x\ny"] },
        { line: 5, cells: ["2", "3"] },
        { line: 6, cells: ["4\n5\n6", "7"] },
        { line: 9, cells: ["8", "9"] },
      ],
    });
  });

  it("ignores trailing empty lines and rows of empty cells that Excel leaves behind", () => {
    const table = parseCsv("a,b\n1,2\n,\n \t, \n3,4\n\n\n");
    expect(table.rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 5, cells: ["3", "4"] },
    ]);
  });

  it("accepts a last line without a newline, a BOM and rows of any length", () => {
    expect(parseCsv("\uFEFFa,b\n1\n2,3,4").rows).toEqual([
      { line: 2, cells: ["1"] },
      { line: 3, cells: ["2", "3", "4"] },
    ]);
  });

  it("reports an unclosed quote with its line", () => {
    try {
      parseCsv('a,b\n1,2\n3,"4\n5,6\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      if (!(error instanceof AppError)) return;
      expect(error.id).toBe("import_invalid");
      expect(error.issues?.[0]?.message).toMatch(/never closed/);
    }
  });

  it("refuses an empty file", () => {
    expect(() => parseCsv("\n\n")).toThrow(/empty/);
  });

  it("reads back whatever formatCsv writes, on the lines it says", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "漢", ",", '"', "\n", " ", "x", "1") });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, (rows) => {
        const text = formatCsv([["h1", "h2"], ...rows]);
        const parsed = parseCsv(text);
        expect(parsed.rows.map((row) => row.cells)).toEqual(
          rows.filter((row) => row.some((v) => v.trim() !== "")),
        );
        const lines = text.split(/\r?\n/);
        for (const row of parsed.rows) {
          const firstLine = formatCsv([row.cells]).split(/\r?\n/)[0];
          expect(lines[row.line - 1]).toBe(firstLine);
        }
      }),
    );
  });
});
