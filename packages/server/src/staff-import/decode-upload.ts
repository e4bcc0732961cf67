import type { ImportEncoding } from "@tobira/protocol";
import iconv from "iconv-lite";
import { AppError } from "../errors";

export type DetectedEncoding = "utf-8" | "shift_jis";

export interface DecodedUpload {
  text: string;
  encoding: DetectedEncoding;
}

/**
 * Turns the uploaded bytes into text. "auto" takes a file that is valid UTF-8 (with or without a BOM)
 * as UTF-8 and anything else as Shift_JIS, read as Windows' CP932 which is what Excel and payroll
 * systems actually write (it adds NEC/IBM characters such as ①, ㈱ and 髙).
 */
export function decodeUpload(contentBase64: string, encoding: ImportEncoding): DecodedUpload {
  const bytes = Buffer.from(contentBase64, "base64");
  if (encoding === "shift_jis") return { text: iconv.decode(bytes, "cp932"), encoding: "shift_jis" };
  const text = decodeStrictUtf8(bytes);
  if (text !== null) return { text, encoding: "utf-8" };
  if (encoding === "utf-8") {
    throw new AppError(
      "import_invalid",
      "The file is not valid UTF-8; choose Shift_JIS or automatic detection.",
      [{ path: "line 1", message: "is not valid UTF-8" }],
    );
  }
  return { text: iconv.decode(bytes, "cp932"), encoding: "shift_jis" };
}

// TextDecoder drops a leading BOM by itself.
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
