import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeNull, encodeOctetString, encodeOid, encodeSequence } from "../der/index";
import { digestInfo, wrapDigestInfo } from "./digest-info";

describe("digestInfo", () => {
  it.each([
    ["sha256", "2.16.840.1.101.3.4.2.1", 51],
    ["sha384", "2.16.840.1.101.3.4.2.2", 67],
  ] as const)("builds the DER DigestInfo for %s (%i bytes)", (hash, oid, length) => {
    const message = new TextEncoder().encode("challenge");
    const digest = createHash(hash).update(message).digest();
    const expected = encodeSequence([
      encodeSequence([encodeOid(oid), encodeNull()]),
      encodeOctetString(digest),
    ]);
    const info = digestInfo(hash, message);
    expect(info).toHaveLength(length);
    expect(Buffer.from(info).equals(expected)).toBe(true);
  });

  it("uses the 19-byte SHA-256 prefix the JPKI card expects", () => {
    expect(Buffer.from(digestInfo("sha256", new Uint8Array(0)).subarray(0, 19)).toString("hex")).toBe(
      "3031300d060960864801650304020105000420",
    );
  });

  it("refuses a digest of the wrong size", () => {
    expect(() => wrapDigestInfo("sha256", new Uint8Array(48))).toThrow(RangeError);
  });
});
