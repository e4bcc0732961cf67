import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeUpload } from "./decode-upload";

const text = "職員番号,氏名\r\n001001,髙橋　一郎\r\n";
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("decodeUpload", () => {
  it("reads UTF-8 without a BOM as UTF-8", () => {
    expect(decodeUpload(base64(Buffer.from(text, "utf8")), "auto")).toEqual({ text, encoding: "utf-8" });
  });

  it("drops a UTF-8 BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(decodeUpload(base64(bytes), "auto")).toEqual({ text, encoding: "utf-8" });
  });

  it("reads anything that is not valid UTF-8 as CP932, keeping 髙 and ①", () => {
    const sjis = `${text}①㈱﨑\r\n`;
    expect(decodeUpload(base64(iconv.encode(sjis, "cp932")), "auto")).toEqual({
      text: sjis,
      encoding: "shift_jis",
    });
  });

  it("decodes as Shift_JIS when told to, even bytes that are valid UTF-8", () => {
    expect(decodeUpload(base64(iconv.encode(text, "cp932")), "shift_jis").text).toBe(text);
    expect(decodeUpload(base64(Buffer.from("abc")), "shift_jis")).toEqual({
      text: "abc",
      encoding: "shift_jis",
    });
  });

  it("refuses a Shift_JIS file sent as UTF-8", () => {
    const call = () => decodeUpload(base64(iconv.encode(text, "cp932")), "utf-8");
    expect(call).toThrow(AppError);
    expect(call).toThrow(/not valid UTF-8/);
  });
});
