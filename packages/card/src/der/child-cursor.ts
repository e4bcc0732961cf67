import { DerError } from "./der-error";
import { readHeader, type Tlv } from "./read-tlv";
import { describeTag } from "./tags";

/** Reads the children of a constructed element one at a time, in order. */
export interface ChildCursor {
  hasMore(): boolean;
  /** The identifier octet of the next child, or undefined at the end. */
  peekTag(): number | undefined;
  next(what: string): Tlv;
  expect(tag: number, what: string): Tlv;
  /** The next child if it has this tag; otherwise nothing is consumed. */
  optional(tag: number): Tlv | undefined;
  /** Fails if any child is left. */
  finish(what: string): void;
}

/**
 * A cursor over `content`, the value of a constructed element. `declaredLength` is how long the parent
 * says its value is; it may exceed `content.length` when only a prefix of the input has been read
 * (a certificate's first block from a card). A child running past `declaredLength` is an `overrun`;
 * one running past the bytes at hand but within the parent is `truncated`.
 */
export function createChildCursor(content: Uint8Array, declaredLength = content.length): ChildCursor {
  if (declaredLength < content.length) throw new RangeError("declared length shorter than the content");
  const partial = declaredLength > content.length;
  let offset = 0;

  function readAt(at: number): Tlv {
    let header: ReturnType<typeof readHeader>;
    try {
      header = readHeader(content, at);
    } catch (error) {
      if (error instanceof DerError && error.reason === "truncated" && !partial) {
        throw new DerError("overrun", `element at ${at} runs past the end of its parent`);
      }
      throw error;
    }
    const start = at + header.headerLength;
    const end = start + header.length;
    if (end > declaredLength) {
      throw new DerError(
        "overrun",
        `element at ${at} declares ${header.length} bytes, past the end of its parent at ${declaredLength}`,
      );
    }
    if (end > content.length) {
      throw new DerError("truncated", `input ends at ${content.length} inside the element at ${at}`);
    }
    return { ...header, value: content.subarray(start, end), end, der: content.subarray(at, end) };
  }

  const cursor: ChildCursor = {
    hasMore: () => offset < declaredLength,
    peekTag() {
      if (offset >= declaredLength) return undefined;
      const tag = content[offset];
      if (tag === undefined) throw new DerError("truncated", `input ends at ${offset}`);
      return tag;
    },
    next(what) {
      if (offset >= declaredLength) throw new DerError("unexpected_tag", `${what} is missing`);
      const tlv = readAt(offset);
      offset = tlv.end;
      return tlv;
    },
    expect(tag, what) {
      const found = cursor.peekTag();
      if (found !== tag) {
        const seen = found === undefined ? "the end" : describeTag(found);
        throw new DerError("unexpected_tag", `${what}: expected tag ${describeTag(tag)}, found ${seen}`);
      }
      return cursor.next(what);
    },
    optional(tag) {
      return cursor.peekTag() === tag ? cursor.next(describeTag(tag)) : undefined;
    },
    finish(what) {
      if (offset < declaredLength) {
        throw new DerError("trailing_data", `${what}: unexpected data at ${offset}`);
      }
    },
  };
  return cursor;
}

/** A cursor over the children of a constructed element. */
export function openChildren(parent: Tlv, what: string): ChildCursor {
  if (!parent.constructed) {
    throw new DerError("unexpected_tag", `${what}: tag ${describeTag(parent.tag)} is not constructed`);
  }
  return createChildCursor(parent.value);
}

/** All children of a constructed element (a SEQUENCE or SET). */
export function readChildren(parent: Tlv, what = "element"): Tlv[] {
  const cursor = openChildren(parent, what);
  const children: Tlv[] = [];
  while (cursor.hasMore()) children.push(cursor.next(what));
  return children;
}
