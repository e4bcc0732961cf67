import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { algorithmForKey } from "./algorithm-for-key";
import { SignatureError } from "./signature-error";

describe("algorithmForKey", () => {
  it.each([
    ["RSA", generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey, "rsa-pkcs1-sha256"],
    ["P-256", generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey, "ecdsa-p256-sha256"],
    ["P-384", generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey, "ecdsa-p384-sha384"],
  ])("chooses the algorithm of a%s key, as KeyObject or SPKI DER", (_, key, algorithm) => {
    expect(algorithmForKey(key)).toBe(algorithm);
    expect(algorithmForKey(key.export({ format: "der", type: "spki" }))).toBe(algorithm);
  });

  it("throws a SignatureError for keys no card uses", () => {
    expect(() => algorithmForKey(generateKeyPairSync("ed25519").publicKey)).toThrow(
      expect.objectContaining({ reason: "unsupported_key" }),
    );
    expect(() => algorithmForKey(generateKeyPairSync("ec", { namedCurve: "P-521" }).publicKey)).toThrow(
      SignatureError,
    );
  });
});
