import { generateKeyPairSync, sign } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccessSnapshot } from "./policy";
import { snapshotArbitrary } from "./random-snapshot.fixture";
import {
  decodeSnapshot,
  encodeSnapshot,
  isNewer,
  type SignedEnvelope,
  signDelta,
  signSnapshot,
  verifySnapshot,
} from "./snapshot-codec";
import { isAccessSnapshot } from "./snapshot-shape";
import { buildTownHall } from "./town-hall.fixture";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const otherKeys = generateKeyPairSync("ed25519");

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reverseKeys(member)]),
  );
}

function changeByte(bytes: Uint8Array, position: number, mask: number): Uint8Array {
  const changed = new Uint8Array(bytes);
  changed[position] = (changed[position] ?? 0) ^ mask;
  return changed;
}

function signRaw(payload: Uint8Array): SignedEnvelope {
  return { payload, signature: new Uint8Array(sign(null, payload, privateKey)) };
}

describe("encodeSnapshot", () => {
  it("writes the same bytes whatever the key order of the snapshot", () => {
    const snapshot = buildTownHall();
    const reordered = reverseKeys(snapshot);
    if (!isAccessSnapshot(reordered)) throw new Error("the reordered snapshot lost its shape");
    expect(Buffer.from(encodeSnapshot(reordered)).equals(Buffer.from(encodeSnapshot(snapshot)))).toBe(true);
  });

  it("starts with the snapshot tag and decodes back to an equal snapshot", () => {
    const snapshot = buildTownHall();
    const payload = encodeSnapshot(snapshot);
    expect(new TextDecoder().decode(payload.subarray(0, 4))).toBe("TBS1");
    expect(decodeSnapshot(payload)).toEqual(snapshot);
  });

  it("is smaller than the plain JSON of the snapshot", () => {
    const snapshot = buildTownHall();
    expect(encodeSnapshot(snapshot).length).toBeLessThan(JSON.stringify(snapshot).length / 2);
  });

  it("round-trips any generated snapshot", () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});

describe("signSnapshot and verifySnapshot", () => {
  const snapshot = buildTownHall();
  const envelope = signSnapshot(snapshot, privateKey);

  it("verifies a snapshot signed with the server's key", () => {
    expect(envelope.signature.length).toBe(64);
    expect(verifySnapshot(envelope, publicKey)).toEqual({ ok: true, snapshot });
  });

  it("refuses the snapshot under another key", () => {
    expect(verifySnapshot(envelope, otherKeys.publicKey)).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses any single changed byte of the payload", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: envelope.payload.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (position, mask) => {
          const tampered = { ...envelope, payload: changeByte(envelope.payload, position, mask) };
          expect(verifySnapshot(tampered, publicKey)).toMatchObject({ ok: false, reason: "bad_signature" });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("refuses any single changed byte of the signature", () => {
    fc.assert(
      fc.property(fc.nat({ max: 63 }), fc.integer({ min: 1, max: 255 }), (position, mask) => {
        const tampered = { ...envelope, signature: changeByte(envelope.signature, position, mask) };
        expect(verifySnapshot(tampered, publicKey)).toMatchObject({ ok: false, reason: "bad_signature" });
      }),
      { numRuns: 400 },
    );
  });

  it("refuses a truncated, extended or empty signature or payload", () => {
    const cases: SignedEnvelope[] = [
      { ...envelope, signature: envelope.signature.subarray(0, 63) },
      { ...envelope, signature: new Uint8Array([...envelope.signature, 0]) },
      { ...envelope, signature: new Uint8Array() },
      { ...envelope, payload: envelope.payload.subarray(0, envelope.payload.length - 1) },
      { ...envelope, payload: new Uint8Array([...envelope.payload, 0]) },
      { ...envelope, payload: new Uint8Array() },
    ];
    for (const tampered of cases) {
      expect(verifySnapshot(tampered, publicKey)).toMatchObject({ ok: false, reason: "bad_signature" });
    }
  });

  it("reports a signed payload that is not a snapshot as malformed", () => {
    const notDeflate = new Uint8Array([...new TextEncoder().encode("TBS1"), 1, 2, 3]);
    const notSnapshot = new Uint8Array([
      ...new TextEncoder().encode("TBS1"),
      ...deflateRawSync(Buffer.from('{"version":1}')),
    ]);
    const untagged = new Uint8Array(deflateRawSync(Buffer.from(JSON.stringify(snapshot))));
    for (const payload of [notDeflate, notSnapshot, untagged]) {
      expect(verifySnapshot(signRaw(payload), publicKey)).toMatchObject({ ok: false, reason: "malformed" });
    }
  });

  it("never takes a signed delta for a snapshot", () => {
    const delta = signDelta(
      { baseVersion: 7, version: 8, issuedAt: snapshot.issuedAt, changes: [] },
      privateKey,
    );
    expect(verifySnapshot(delta, publicKey)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("refuses keys that are not Ed25519", () => {
    const rsa = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(() => signSnapshot(snapshot, rsa.privateKey)).toThrow(TypeError);
    expect(() => verifySnapshot(envelope, rsa.publicKey)).toThrow(TypeError);
  });
});

describe("isNewer", () => {
  const v7: AccessSnapshot = buildTownHall();
  const v8: AccessSnapshot = { ...v7, version: 8 };

  it("recognises a replayed older or same snapshot by its signed version", () => {
    const replayed = verifySnapshot(signSnapshot(v7, privateKey), publicKey);
    if (!replayed.ok) throw new Error(replayed.message);
    expect(isNewer(replayed.snapshot, v8)).toBe(false);
    expect(isNewer(replayed.snapshot, v7)).toBe(false);
    expect(isNewer(v8, replayed.snapshot)).toBe(true);
  });
});
