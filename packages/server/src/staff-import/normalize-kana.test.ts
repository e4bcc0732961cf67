import { describe, expect, it } from "vitest";
import { normalizeKana } from "./normalize-kana";

describe("normalizeKana", () => {
  it.each([
    ["ﾔﾏﾀﾞ", "ヤマダ"],
    ["ｶﾞｯｺｳ", "ガッコウ"],
    ["ﾊﾟｰｸ･ｼﾞｭﾝ", "パーク・ジュン"],
    ["ヤマダ", "ヤマダ"],
    ["やまだ", "やまだ"],
    ["ﾔﾏ　ﾀﾞ", "ヤマ　ダ"],
  ])("turns %s into %s", (text, expected) => {
    expect(normalizeKana(text)).toBe(expected);
  });
});
