import { describe, expect, it } from "vitest";
import { readCell } from "./read-cell";

const row = (cell: string) => ({ line: 2, cells: [cell] });

describe("readCell", () => {
  it("trims half- and full-width spaces", () => {
    expect(readCell(row("\u3000山田 "), { index: 0, part: "whole" })).toBe("山田");
  });

  it("removes the quote our export puts before formula-like text", () => {
    expect(readCell(row("'+81-879-82-2105"), { index: 0, part: "whole" })).toBe("+81-879-82-2105");
    expect(readCell(row("''=text"), { index: 0, part: "whole" })).toBe("'=text");
    expect(readCell(row("'O'Brien"), { index: 0, part: "whole" })).toBe("'O'Brien");
  });

  it.each([
    ["山田　太郎", "山田", "太郎"],
    ["山田 太郎", "山田", "太郎"],
    ["ﾔﾏﾀﾞ  ﾀﾛｳ", "ﾔﾏﾀﾞ", "ﾀﾛｳ"],
    ["長谷川　まり 子", "長谷川", "まり 子"],
    ["山田太郎", "山田太郎", ""],
  ])("splits %s into %s and %s", (text, first, rest) => {
    expect(readCell(row(text), { index: 0, part: "first" })).toBe(first);
    expect(readCell(row(text), { index: 0, part: "rest" })).toBe(rest);
  });

  it("reads a missing cell as empty", () => {
    expect(readCell(row("x"), { index: 3, part: "whole" })).toBe("");
  });
});
