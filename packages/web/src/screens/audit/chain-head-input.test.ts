import { chainHeadSchema } from "@tobira/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatChainHead, parseChainHead } from "./chain-head-input";

/** SHA-256 of "test": a real-looking hash. */
const hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("a chain head as an auditor types it", () => {
  it("takes an empty field as no head, so the check runs without one", () => {
    expect(parseChainHead("")).toEqual({ ok: true, head: null });
    expect(parseChainHead("   \t ")).toEqual({ ok: true, head: null });
  });

  it("reads SEQ:HASH as printed, with spaces around it or around the colon", () => {
    expect(parseChainHead(`1234:${hash}`)).toEqual({ ok: true, head: { seq: 1234, hash } });
    expect(parseChainHead(`  1234 : ${hash}  `)).toEqual({ ok: true, head: { seq: 1234, hash } });
  });

  it("lowers a hash copied in upper case", () => {
    expect(parseChainHead(`7:${hash.toUpperCase()}`)).toEqual({ ok: true, head: { seq: 7, hash } });
  });

  it("reads digits, letters and the colon typed full-width through a Japanese input method", () => {
    const fullWidth = `１２３４：${hash.slice(0, 4).replace("9", "９").replace("f", "ｆ")}${hash.slice(4)}`;
    expect(parseChainHead(fullWidth)).toEqual({ ok: true, head: { seq: 1234, hash } });
  });

  it.each([
    ["a number alone", "1234"],
    ["a hash alone", hash],
  ])("asks for the SEQ:HASH form when given %s", (_case, text) => {
    expect(parseChainHead(text)).toEqual({ ok: false, error: "audit.headErrorShape" });
  });

  it.each([
    ["zero", `0:${hash}`],
    ["a negative number", `-3:${hash}`],
    ["a fraction", `1.5:${hash}`],
    ["letters", `abc:${hash}`],
    ["nothing", `:${hash}`],
    ["a number past the safe integers", `9007199254740993:${hash}`],
  ])("refuses %s as the number", (_case, text) => {
    expect(parseChainHead(text)).toEqual({ ok: false, error: "audit.headErrorSeq" });
  });

  it.each([
    ["63 hex digits", `12:${hash.slice(1)}`],
    ["65 hex digits", `12:${hash}0`],
    ["a letter that is not hex", `12:${hash.slice(0, 63)}g`],
    ["the 12-digit short form the log table shows", `12:${hash.slice(0, 12)}`],
    ["a second colon", `12:${hash.slice(0, 32)}:${hash.slice(32)}`],
    ["nothing", "12:"],
  ])("refuses %s as the hash", (_case, text) => {
    expect(parseChainHead(text)).toEqual({ ok: false, error: "audit.headErrorHash" });
  });

  it("reads back every head as printed, and every head it reads is one the server accepts", () => {
    const hexDigit = fc.constantFrom(..."0123456789abcdef");
    const head = fc.record({
      seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      hash: fc.string({ unit: hexDigit, minLength: 64, maxLength: 64 }),
    });
    fc.assert(
      fc.property(head, (noted) => {
        const parsed = parseChainHead(formatChainHead(noted));
        expect(parsed).toEqual({ ok: true, head: noted });
        expect(chainHeadSchema.safeParse(parsed.ok ? parsed.head : null).success).toBe(true);
      }),
    );
  });
});
