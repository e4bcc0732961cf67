import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { escapeFormula, unescapeFormula } from "./escape-formula";

describe("escapeFormula", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+81-3-1234", "'+81-3-1234"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ['＝HYPERLINK("http://evil")', '\'＝HYPERLINK("http://evil")'],
    ["＋1＋1", "'＋1＋1"],
    ["－2＋3", "'－2＋3"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    ["'=text", "''=text"],
    ["'＝text", "''＝text"],
    ["'-120", "''-120"],
    ["-", "'-"],
    ["-1e5", "'-1e5"],
    ["-.5", "'-.5"],
    ["-1.", "'-1."],
    ["-120 ", "'-120 "],
    ["－１２０", "'－１２０"],
  ])("escapes %j as %j", (value, cell) => {
    expect(escapeFormula(value)).toBe(cell);
  });

  it.each(["-120", "+3", "-0.5", "120", "0.25", "a=b", "山田＝太郎", "O'Brien", "", "1-2"])(
    "leaves %j as it is",
    (value) => {
      expect(escapeFormula(value)).toBe(value);
    },
  );

  it("is undone by unescapeFormula for any text", () => {
    const unit = fc.constantFrom("'", "=", "+", "-", "@", "\t", "＝", "＋", "－", "＠", ".", "a", "1");
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        expect(unescapeFormula(escapeFormula(text))).toBe(text);
      }),
    );
  });

  it("keeps a plain number's sign through the round trip", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (figure) => {
        const text = figure.toFixed(2);
        expect(escapeFormula(text)).toBe(text);
        expect(unescapeFormula(text)).toBe(text);
      }),
    );
  });

  it("escapes characters that Shift_JIS (CP932) can carry", () => {
    for (const character of ["＝", "＋", "－", "＠"]) {
      const cell = escapeFormula(`${character}1`);
      expect(iconv.decode(iconv.encode(cell, "cp932"), "cp932")).toBe(cell);
    }
  });
});

describe("unescapeFormula", () => {
  it.each([
    ["'=SUM(A1)", "=SUM(A1)"],
    ["'＝SUM(A1)", "＝SUM(A1)"],
    ["'－2", "－2"],
    ["''＠x", "'＠x"],
    ["'-120", "-120"],
    ["-120", "-120"],
    ["'O'Brien", "'O'Brien"],
  ])("reads %j as %j", (cell, value) => {
    expect(unescapeFormula(cell)).toBe(value);
  });
});
