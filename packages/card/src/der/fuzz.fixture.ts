import fc from "fast-check";

/** One edit to a byte string, at a position taken modulo its length. */
export type ByteMutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "set"; at: number; value: number }
  | { kind: "insert"; at: number; value: number }
  | { kind: "delete"; at: number }
  | { kind: "truncate"; at: number };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

export function applyMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  if (bytes.length === 0) return mutation.kind === "insert" ? Uint8Array.of(mutation.value) : bytes;
  const at = mutation.at % bytes.length;
  const copy = Uint8Array.from(bytes);
  switch (mutation.kind) {
    case "flip":
      copy[at] = (copy[at] ?? 0) ^ (1 << mutation.bit);
      return copy;
    case "set":
      copy[at] = mutation.value;
      return copy;
    case "insert":
      return Uint8Array.from([...bytes.subarray(0, at), mutation.value, ...bytes.subarray(at)]);
    case "delete":
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]);
    case "truncate":
      return copy.subarray(0, at);
  }
}

/** `base` with one to eight random edits: the inputs a parser meets from a flaky card or an attacker. */
export function generateMutatedBytes(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .array(byteMutation, { minLength: 1, maxLength: 8 })
    .map((mutations) => mutations.reduce(applyMutation, base));
}

export function generateRandomBytes(maxLength = 512): fc.Arbitrary<Uint8Array> {
  return fc.uint8Array({ maxLength });
}

/** Runs `read`; passes if it returns or throws one of `allowed`, fails on any other exception. */
export function expectResultOrTypedError(
  read: () => unknown,
  allowed: readonly (abstract new (...args: never[]) => Error)[],
): void {
  try {
    read();
  } catch (error) {
    if (allowed.some((type) => error instanceof type)) return;
    throw error;
  }
}

/** Bounded runs keep the suite fast; the seed is printed by fast-check when a run fails. */
export const FUZZ_RUNS = 2_000;
