import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditEntry,
  createAuditChainVerifier,
  GENESIS_HASH,
  hashAuditEntry,
  linkAuditEntry,
  type StoredAuditEntry,
  serializeAuditEntry,
  serializeCanonicalJson,
  verifyAuditChain,
} from "./audit-chain";

function makeEntry(seq: number): AuditEntry {
  return {
    seq,
    at: `2026-04-01T00:00:${String(seq % 60).padStart(2, "0")}.000Z`,
    actor: seq % 3 === 0 ? null : `staff-${seq}`,
    action: seq % 2 === 0 ? "door.open" : "attendance.correct",
    targetType: "door",
    targetId: seq % 4 === 0 ? null : `door-${seq % 5}`,
    details: { granted: seq % 2 === 0, reader: { id: "R1", site: "本庁舎" }, minutes: [seq, 15] },
  };
}

function buildChain(length: number): StoredAuditEntry[] {
  const chain: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const stored = linkAuditEntry(prevHash, makeEntry(seq));
    chain.push(stored);
    prevHash = stored.hash;
  }
  return chain;
}

function replaceAt(chain: StoredAuditEntry[], index: number, entry: StoredAuditEntry): StoredAuditEntry[] {
  return chain.map((current, position) => (position === index ? entry : current));
}

describe("hashAuditEntry", () => {
  it("is a SHA-256 hex digest that depends on the previous hash", () => {
    const entry = makeEntry(1);
    const hash = hashAuditEntry(GENESIS_HASH, entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEntry(GENESIS_HASH, entry)).toBe(hash);
    expect(hashAuditEntry("f".repeat(64), entry)).not.toBe(hash);
  });

  it("ignores the stored prevHash and hash fields of the entry", () => {
    const stored = linkAuditEntry(GENESIS_HASH, makeEntry(1));
    expect(hashAuditEntry(GENESIS_HASH, stored)).toBe(stored.hash);
  });

  it("has a GENESIS_HASH of 64 zeros", () => {
    expect(GENESIS_HASH).toBe("0000000000000000000000000000000000000000000000000000000000000000");
  });
});

describe("serializeAuditEntry", () => {
  it("writes the fields in sorted order with sorted details", () => {
    const entry: AuditEntry = {
      seq: 7,
      at: "2026-04-01T00:00:00.000Z",
      actor: null,
      action: "door.open",
      targetType: "door",
      targetId: "D-1",
      details: { z: 1, a: { y: [true, null], b: "x" } },
    };
    expect(serializeAuditEntry(entry)).toBe(
      '{"action":"door.open","actor":null,"at":"2026-04-01T00:00:00.000Z",' +
        '"details":{"a":{"b":"x","y":[true,null]},"z":1},"seq":7,"targetId":"D-1","targetType":"door"}',
    );
  });
});

describe("serializeCanonicalJson", () => {
  it("follows JSON.stringify for undefined, functions, non-finite numbers and toJSON", () => {
    expect(serializeCanonicalJson(undefined)).toBe("null");
    expect(serializeCanonicalJson({ b: undefined, a: () => 1 })).toBe("{}");
    expect(serializeCanonicalJson([undefined, Number.NaN, Number.POSITIVE_INFINITY, -0])).toBe(
      "[null,null,null,0]",
    );
    expect(serializeCanonicalJson({ when: new Date("2026-04-01T00:00:00Z") })).toBe(
      '{"when":"2026-04-01T00:00:00.000Z"}',
    );
    expect(serializeCanonicalJson({ "10": 1, "2": 2, b: 3, a: 4 })).toBe('{"10":1,"2":2,"a":4,"b":3}');
  });

  it("refuses a bigint like JSON.stringify", () => {
    expect(() => serializeCanonicalJson({ amount: 1n })).toThrow(TypeError);
  });

  function shuffleKeys(value: unknown, seed: number): unknown {
    if (Array.isArray(value)) return value.map((item, index) => shuffleKeys(item, seed + index));
    if (value === null || typeof value !== "object") return value;
    const entries = Object.entries(value).map(([key, member], index) => [
      key,
      shuffleKeys(member, seed + index),
    ]);
    const shuffled = entries
      .map((entry, index) => ({ entry, rank: (index * 7919 + seed * 104_729) % (entries.length + 13) }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ entry }) => entry);
    return Object.fromEntries(entries.length % 2 === 0 ? shuffled.reverse() : shuffled);
  }

  it("does not depend on key order (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        expect(serializeCanonicalJson(shuffleKeys(value, seed))).toBe(serializeCanonicalJson(value));
      }),
    );
  });

  it("is valid JSON for the same value and survives a JSON round trip (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = serializeCanonicalJson(value);
        expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(serializeCanonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonical);
      }),
    );
  });

  it("hashes an entry the same after its details are stored as JSON and read back (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (details) => {
        const entry = { ...makeEntry(1), details };
        const reloaded = { ...entry, details: JSON.parse(JSON.stringify(details)) };
        expect(hashAuditEntry(GENESIS_HASH, reloaded)).toBe(hashAuditEntry(GENESIS_HASH, entry));
      }),
    );
  });
});

describe("verifyAuditChain", () => {
  const chain = buildChain(10);

  it("accepts an intact chain", () => {
    expect(verifyAuditChain(chain)).toEqual({ ok: true, count: 10, lastHash: chain[9]?.hash });
  });

  it("accepts an empty chain", () => {
    expect(verifyAuditChain([])).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it.each([
    ["action", { action: "door.close" }],
    ["actor", { actor: "staff-99" }],
    ["at", { at: "2026-04-01T00:00:05.001Z" }],
    ["targetType", { targetType: "person" }],
    ["targetId", { targetId: null }],
    ["details", { details: { granted: true, reader: { id: "R2", site: "本庁舎" }, minutes: [5, 15] } }],
    ["hash", { hash: "a".repeat(64) }],
  ])("detects a changed %s as hash_mismatch at that seq", (_field, change) => {
    const target = chain[4];
    if (target === undefined) throw new Error("missing fixture");
    const result = verifyAuditChain(replaceAt(chain, 4, { ...target, ...change }));
    expect(result).toMatchObject({ ok: false, count: 4, brokenAt: 5, reason: "hash_mismatch" });
  });

  it("detects a changed prevHash", () => {
    const target = chain[4];
    if (target === undefined) throw new Error("missing fixture");
    const result = verifyAuditChain(replaceAt(chain, 4, { ...target, prevHash: GENESIS_HASH }));
    expect(result).toMatchObject({ ok: false, count: 4, brokenAt: 5, reason: "prev_hash_mismatch" });
  });

  it("detects an entry rewritten with a fresh hash at the next entry", () => {
    const target = chain[4];
    if (target === undefined) throw new Error("missing fixture");
    const forged = linkAuditEntry(target.prevHash, { ...target, action: "door.close" });
    const result = verifyAuditChain(replaceAt(chain, 4, forged));
    expect(result).toMatchObject({ ok: false, count: 5, brokenAt: 6, reason: "prev_hash_mismatch" });
  });

  it("detects a removed entry in the middle as a sequence gap", () => {
    const result = verifyAuditChain(chain.filter((entry) => entry.seq !== 6));
    expect(result).toMatchObject({ ok: false, count: 5, brokenAt: 7, reason: "sequence_gap" });
    expect(result.ok === false && result.message).toBe("Expected seq 6 but found 7");
  });

  it("detects a removed entry whose followers were renumbered", () => {
    const renumbered = chain
      .filter((entry) => entry.seq !== 6)
      .map((entry) => (entry.seq > 6 ? { ...entry, seq: entry.seq - 1 } : entry));
    const result = verifyAuditChain(renumbered);
    expect(result).toMatchObject({ ok: false, count: 5, brokenAt: 6, reason: "prev_hash_mismatch" });
  });

  it("detects a removed first entry", () => {
    expect(verifyAuditChain(chain.slice(1))).toMatchObject({
      ok: false,
      count: 0,
      brokenAt: 2,
      reason: "sequence_gap",
    });
    const renumbered = chain.slice(1).map((entry) => ({ ...entry, seq: entry.seq - 1 }));
    expect(verifyAuditChain(renumbered)).toMatchObject({
      ok: false,
      count: 0,
      brokenAt: 1,
      reason: "prev_hash_mismatch",
    });
  });

  it("detects two swapped rows", () => {
    const [first, second] = [chain[3], chain[4]];
    if (first === undefined || second === undefined) throw new Error("missing fixture");
    const swapped = replaceAt(replaceAt(chain, 3, second), 4, first);
    expect(verifyAuditChain(swapped)).toMatchObject({
      ok: false,
      count: 3,
      brokenAt: 5,
      reason: "sequence_gap",
    });
  });

  it("detects two entries whose contents were swapped but whose seq stayed in place", () => {
    const [first, second] = [chain[3], chain[4]];
    if (first === undefined || second === undefined) throw new Error("missing fixture");
    const swapped = replaceAt(replaceAt(chain, 3, { ...second, seq: 4 }), 4, { ...first, seq: 5 });
    expect(verifyAuditChain(swapped)).toMatchObject({
      ok: false,
      count: 3,
      brokenAt: 4,
      reason: "prev_hash_mismatch",
    });
  });

  it("detects a repeated entry as out of order", () => {
    const third = chain[2];
    if (third === undefined) throw new Error("missing fixture");
    const repeated = [...chain.slice(0, 3), third, ...chain.slice(3)];
    expect(verifyAuditChain(repeated)).toMatchObject({
      ok: false,
      count: 3,
      brokenAt: 3,
      reason: "sequence_order",
    });
  });

  it("detects any single changed field anywhere in a chain (property)", () => {
    const fields: (keyof AuditEntry)[] = ["action", "actor", "at", "targetType", "targetId", "details"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.constantFrom(...fields),
        fc.string(),
        (length, position, field, value) => {
          const original = buildChain(length);
          const index = position % length;
          const target = original[index];
          if (target === undefined) throw new Error("missing fixture");
          fc.pre(JSON.stringify(target[field]) !== JSON.stringify(value));
          const result = verifyAuditChain(replaceAt(original, index, { ...target, [field]: value }));
          expect(result).toMatchObject({
            ok: false,
            count: index,
            brokenAt: index + 1,
            reason: "hash_mismatch",
          });
        },
      ),
    );
  });
});

describe("createAuditChainVerifier", () => {
  const chain = buildChain(25);

  it("verifies a chain pushed page by page", () => {
    const verifier = createAuditChainVerifier();
    for (let start = 0; start < chain.length; start += 10) {
      for (const entry of chain.slice(start, start + 10)) expect(verifier.push(entry)).toBeNull();
    }
    expect(verifier.result()).toEqual({ ok: true, count: 25, lastHash: chain[24]?.hash });
  });

  it("keeps reporting the first failure", () => {
    const target = chain[2];
    if (target === undefined) throw new Error("missing fixture");
    const verifier = createAuditChainVerifier();
    const tampered = replaceAt(chain, 2, { ...target, hash: "b".repeat(64) });
    const failures = tampered.map((entry) => verifier.push(entry));
    expect(failures.slice(0, 2)).toEqual([null, null]);
    expect(failures[2]).toMatchObject({ brokenAt: 3, reason: "hash_mismatch" });
    expect(failures[24]).toBe(failures[2]);
    expect(verifier.result()).toBe(failures[2]);
  });

  it("resumes from a verified anchor", () => {
    const anchor = chain[9];
    if (anchor === undefined) throw new Error("missing fixture");
    const verifier = createAuditChainVerifier({ seq: anchor.seq, hash: anchor.hash });
    for (const entry of chain.slice(10)) verifier.push(entry);
    expect(verifier.result()).toEqual({ ok: true, count: 15, lastHash: chain[24]?.hash });
    expect(verifyAuditChain(chain.slice(11), { seq: anchor.seq, hash: anchor.hash })).toMatchObject({
      ok: false,
      brokenAt: 12,
      reason: "sequence_gap",
    });
  });
});
