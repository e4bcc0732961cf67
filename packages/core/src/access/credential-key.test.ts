import { describe, expect, it } from "vitest";
import { jpkiCredentialKey, staffCardCredentialKey, uidCredentialKey } from "./credential-key";

describe("credential keys, as readers and the server name cards", () => {
  it("names a My Number Card by its certificate's issuer and serial, never by a UID", () => {
    expect(jpkiCredentialKey("C=JP, O=JPKI", "7352834ff1")).toBe("jpki:C=JP, O=JPKI#7352834ff1");
  });

  it("names staff cards and IC cards in lower case, so a reader's upper-case hex matches", () => {
    expect(staffCardCredentialKey("ABCDEF0123")).toBe("staffCard:abcdef0123");
    expect(uidCredentialKey("0123456789ABCDEF")).toBe("uid:0123456789abcdef");
  });
});
