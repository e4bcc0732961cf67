import { isRecord, type Parser } from "./client";

/** `{ items: T[] }`, for list endpoints whose envelope has no schema of its own in the protocol. */
export function itemsOf<T>(item: Parser<T>): Parser<{ items: T[] }> {
  return {
    parse(data) {
      if (!isRecord(data) || !Array.isArray(data.items)) throw new Error("expected { items: [...] }");
      return { items: data.items.map((entry) => item.parse(entry)) };
    },
  };
}
