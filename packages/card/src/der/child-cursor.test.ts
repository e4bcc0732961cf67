import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createChildCursor, readChildren } from "./child-cursor";
import { DerError } from "./der-error";
import { encodeInteger } from "./encode-integer";
import { encodeNull, encodeOctetString } from "./encode-primitives";
import { encodeSequence } from "./encode-tlv";
import {
  expectResultOrTypedError,
  FUZZ_RUNS,
  generateMutatedBytes,
  generateRandomBytes,
} from "./fuzz.fixture";
import { readSingleTlv, readTlv } from "./read-tlv";
import { readDerTree } from "./read-tree";
import { Tag } from "./tags";

function catchReason(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof DerError) return error.reason;
    throw error;
  }
  return "none";
}

const sample = encodeSequence([
  encodeInteger(5n),
  encodeSequence([encodeNull(), encodeOctetString(Uint8Array.of(1, 2, 3))]),
  encodeOctetString(new Uint8Array(300)),
]);

describe("readChildren", () => {
  it("lists the children of a SEQUENCE in order", () => {
    const children = readChildren(readSingleTlv(sample));
    expect(children.map((child) => child.tag)).toEqual([Tag.INTEGER, Tag.SEQUENCE, Tag.OCTET_STRING]);
    expect(children.map((child) => child.length)).toEqual([1, 7, 300]);
  });

  it("refuses to look inside a primitive element", () => {
    expect(catchReason(() => readChildren(readSingleTlv(encodeNull())))).toBe("unexpected_tag");
  });

  it("reports a child that runs past its parent as an overrun", () => {
    // SEQUENCE of 3 bytes whose INTEGER child claims 5.
    const bytes = Uint8Array.of(0x30, 0x03, 0x02, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00);
    expect(catchReason(() => readChildren(readTlv(bytes, 0)))).toBe("overrun");
  });
});

describe("createChildCursor", () => {
  it("reads optional and expected children and checks the end", () => {
    const cursor = createChildCursor(readSingleTlv(sample).value);
    expect(cursor.optional(Tag.NULL)).toBeUndefined();
    expect(cursor.expect(Tag.INTEGER, "n").length).toBe(1);
    expect(cursor.peekTag()).toBe(Tag.SEQUENCE);
    cursor.next("inner");
    expect(catchReason(() => cursor.finish("sample"))).toBe("trailing_data");
    expect(catchReason(() => cursor.expect(Tag.INTEGER, "x"))).toBe("unexpected_tag");
    cursor.next("octets");
    expect(cursor.hasMore()).toBe(false);
    expect(catchReason(() => cursor.next("more"))).toBe("unexpected_tag");
    cursor.finish("sample");
  });

  it("tells a short read (truncated) from a wrong length (overrun) when only a prefix is at hand", () => {
    const content = readSingleTlv(sample).value;
    const prefix = content.subarray(0, 20);
    const cursor = createChildCursor(prefix, content.length);
    cursor.next("integer");
    cursor.next("inner");
    expect(catchReason(() => cursor.next("octets"))).toBe("truncated");

    const lying = Uint8Array.of(0x04, 0x82, 0x10, 0x00);
    expect(catchReason(() => createChildCursor(lying, 100).next("octets"))).toBe("overrun");
  });
});

describe("readDerTree", () => {
  it("reads nested elements", () => {
    const tree = readDerTree(sample);
    expect(tree.children).toHaveLength(3);
    expect(tree.children[1]?.children.map((node) => node.tlv.tag)).toEqual([Tag.NULL, Tag.OCTET_STRING]);
  });

  it("stops at the depth limit without exhausting the stack", () => {
    let nested = encodeNull();
    for (let depth = 0; depth < 1_000; depth++) nested = encodeSequence([nested]);
    expect(catchReason(() => readDerTree(nested))).toBe("too_deep");
    expect(catchReason(() => readDerTree(nested, { maxDepth: 10_000, maxNodes: 100 }))).toBe("too_much_work");
  });

  it("stops at the node limit for wide input", () => {
    const wide = encodeSequence(Array.from({ length: 20_000 }, () => encodeNull()));
    expect(catchReason(() => readDerTree(wide))).toBe("too_much_work");
    expect(readDerTree(wide, { maxNodes: 20_001 }).children).toHaveLength(20_000);
  });

  it("gives a tree or a DerError for random bytes", () => {
    fc.assert(
      fc.property(generateRandomBytes(256), (bytes) => {
        expectResultOrTypedError(() => readDerTree(bytes), [DerError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("gives a tree or a DerError for mutations of valid DER", () => {
    fc.assert(
      fc.property(generateMutatedBytes(sample), (bytes) => {
        expectResultOrTypedError(() => readDerTree(bytes), [DerError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("iterates children of mutated input without any other exception", () => {
    fc.assert(
      fc.property(generateMutatedBytes(sample), (bytes) => {
        expectResultOrTypedError(() => {
          for (const child of readChildren(readTlv(bytes, 0))) {
            if (child.constructed) readChildren(child);
          }
        }, [DerError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
