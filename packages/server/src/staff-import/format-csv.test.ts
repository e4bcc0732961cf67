import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeFormula, unescapeFormula } from "./escape-formula";
import { formatCsv } from "./format-csv";

describe("formatCsv", () => {
  it("quotes only cells that need it and ends lines with CRLF", () => {
    expect(
      formatCsv([
        ["a", "b,c"],
        ['say "hi"', "two\nlines"],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK(""http://evil"")'],
    ["+81-3-1234", "'+81-3-1234"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["a=b", "a=b"],
  ])("escapes %s so a spreadsheet shows it as text", (value, cell) => {
    const written = formatCsv([[value]]).replace(/\r\n$/, "");
    expect(written.replace(/^"|"$/g, "")).toBe(cell);
  });
});

describe("escapeFormula", () => {
  it("is undone by unescapeFormula for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "a", "1") }), (text) => {
        expect(unescapeFormula(escapeFormula(text))).toBe(text);
      }),
    );
  });
});
