import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import type { AccessSnapshot, Credential, SnapshotChange, SnapshotDelta } from "./policy";
import { credentialKeys, doorIds, holderIds, snapshotArbitrary } from "./random-snapshot.fixture";
import { encodeSnapshot, signDelta, signSnapshot, verifyDelta, verifySnapshot } from "./snapshot-codec";
import { applyDelta } from "./snapshot-delta";
import { indexSnapshot } from "./snapshot-index";
import { buildTownHall, jst } from "./town-hall.fixture";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");

function freezeDeep<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const member of Object.values(value)) freezeDeep(member);
    Object.freeze(value);
  }
  return value;
}

function buildDelta(changes: SnapshotChange[], baseVersion = 7): SnapshotDelta {
  return { baseVersion, version: baseVersion + 1, issuedAt: "2026-09-24T01:00:00Z", changes };
}

const newCard: Credential = {
  key: "staffCard:S-0200",
  kind: "staffCard",
  holderId: "kato",
  status: "active",
  validFrom: null,
  validTo: null,
  publicKey: "MCowBQYDK2VwAyEA",
};

describe("applyDelta", () => {
  it("revokes a card without touching the snapshot it was given", () => {
    const base = freezeDeep(buildTownHall());
    const before = encodeSnapshot(base);
    const result = applyDelta(
      base,
      buildDelta([{ type: "credentialStatus", key: "jpki:JPKI-CA#1004", status: "revoked" }]),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.snapshot.version).toBe(8);
    expect(result.snapshot.issuedAt).toBe("2026-09-24T01:00:00Z");
    expect(result.snapshot.credentials.find((c) => c.key === "jpki:JPKI-CA#1004")?.status).toBe("revoked");
    expect(Buffer.from(encodeSnapshot(base)).equals(Buffer.from(before))).toBe(true);
    expect(result.snapshot.doors).toBe(base.doors);
    expect(result.snapshot.holders).toBe(base.holders);
    const decision = decide(
      indexSnapshot(result.snapshot),
      { credentialKey: "jpki:JPKI-CA#1004", assurance: "tap" },
      "archive",
      jst("2026-09-24 10:00"),
    );
    expect(decision.reason).toBe("revoked");
  });

  it("adds a new card, replaces a holder and puts a door in lockdown", () => {
    const base = buildTownHall();
    const result = applyDelta(
      base,
      buildDelta([
        { type: "credentialUpsert", credential: newCard },
        { type: "holderUpsert", holder: { id: "kato", groups: [], grants: [] } },
        { type: "holderUpsert", holder: { id: "watanabe", groups: [], grants: [] } },
        { type: "doorMode", doorId: "archive", defaultMode: "lockdown" },
      ]),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.snapshot.credentials.at(-1)).toEqual(newCard);
    expect(result.snapshot.credentials).toHaveLength(base.credentials.length + 1);
    expect(result.snapshot.holders.find((h) => h.id === "kato")?.groups).toEqual([]);
    expect(result.snapshot.holders.map((h) => h.id)).toEqual([...base.holders.map((h) => h.id), "watanabe"]);
    expect(result.snapshot.doors.find((d) => d.id === "archive")?.defaultMode).toBe("lockdown");
  });

  it("replaces a card already in the snapshot in place", () => {
    const base = buildTownHall();
    const replaced = { ...newCard, key: "jpki:JPKI-CA#1004" };
    const result = applyDelta(base, buildDelta([{ type: "credentialUpsert", credential: replaced }]));
    if (!result.ok) throw new Error(result.message);
    expect(result.snapshot.credentials.map((c) => c.key)).toEqual(base.credentials.map((c) => c.key));
    expect(result.snapshot.credentials.find((c) => c.key === replaced.key)).toEqual(replaced);
  });

  const failures: { name: string; delta: SnapshotDelta; reason: string }[] = [
    {
      name: "refuses a delta built on another version",
      delta: buildDelta([], 6),
      reason: "base_version_mismatch",
    },
    {
      name: "refuses a delta that does not move the version forward",
      delta: { ...buildDelta([]), version: 7 },
      reason: "version_not_newer",
    },
    {
      name: "refuses a status change for a card the snapshot lacks",
      delta: buildDelta([{ type: "credentialStatus", key: "uid:00", status: "revoked" }]),
      reason: "unknown_credential",
    },
    {
      name: "refuses a mode for a door the snapshot lacks",
      delta: buildDelta([{ type: "doorMode", doorId: "roof", defaultMode: "lockdown" }]),
      reason: "unknown_door",
    },
  ];
  for (const { name, delta, reason } of failures) {
    it(name, () => {
      expect(applyDelta(buildTownHall(), delta)).toMatchObject({ ok: false, reason });
    });
  }
});

describe("signed deltas", () => {
  it("brings an agent to the same bytes as the server's snapshot of the new version", () => {
    const base = buildTownHall();
    const delta = buildDelta([
      { type: "credentialStatus", key: "jpki:JPKI-CA#1001", status: "suspended" },
      { type: "credentialUpsert", credential: newCard },
    ]);
    const onServer = applyDelta(base, delta);
    if (!onServer.ok) throw new Error(onServer.message);
    const fullSnapshot = verifySnapshot(signSnapshot(onServer.snapshot, privateKey), publicKey);
    if (!fullSnapshot.ok) throw new Error(fullSnapshot.message);

    const received = verifyDelta(signDelta(delta, privateKey), publicKey);
    if (!received.ok) throw new Error(received.message);
    const onAgent = applyDelta(base, received.delta);
    if (!onAgent.ok) throw new Error(onAgent.message);
    expect(
      Buffer.from(encodeSnapshot(onAgent.snapshot)).equals(
        Buffer.from(encodeSnapshot(fullSnapshot.snapshot)),
      ),
    ).toBe(true);
  });

  it("refuses a delta with a changed byte", () => {
    const envelope = signDelta(
      buildDelta([{ type: "doorMode", doorId: "archive", defaultMode: "unlocked" }]),
      privateKey,
    );
    fc.assert(
      fc.property(
        fc.nat({ max: envelope.payload.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (position, mask) => {
          const payload = new Uint8Array(envelope.payload);
          payload[position] = (payload[position] ?? 0) ^ mask;
          expect(verifyDelta({ ...envelope, payload }, publicKey)).toMatchObject({
            ok: false,
            reason: "bad_signature",
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never takes a signed snapshot for a delta", () => {
    expect(verifyDelta(signSnapshot(buildTownHall(), privateKey), publicKey)).toMatchObject({
      ok: false,
      reason: "malformed",
    });
  });

  it("round-trips any generated delta and applies it the same after verification", () => {
    const changeArbitrary: fc.Arbitrary<SnapshotChange> = fc.oneof(
      fc.record({
        type: fc.constant("credentialStatus" as const),
        key: fc.constantFrom(...credentialKeys),
        status: fc.constantFrom("active" as const, "suspended" as const, "revoked" as const),
      }),
      fc.record({
        type: fc.constant("credentialUpsert" as const),
        credential: fc.record({
          key: fc.constantFrom(...credentialKeys, "k-new"),
          kind: fc.constant("uid" as const),
          holderId: fc.constantFrom(...holderIds),
          status: fc.constant("active" as const),
          validFrom: fc.constant(null),
          validTo: fc.constant("2027-01-01T00:00:00Z"),
          publicKey: fc.constant(null),
        }),
      }),
      fc.record({
        type: fc.constant("holderUpsert" as const),
        holder: fc.record({
          id: fc.constantFrom(...holderIds, "h-new"),
          groups: fc.array(
            fc.record({ groupId: fc.constant("g0"), from: fc.constant(null), to: fc.constant("2026-12-31") }),
            { maxLength: 1 },
          ),
          grants: fc.array(
            fc.record({
              doorId: fc.constantFrom(...doorIds),
              from: fc.constant("2026-10-03T00:00:00+09:00"),
              to: fc.constant("2026-10-04T00:00:00+09:00"),
              minimumAssurance: fc.constant("tap" as const),
            }),
            { maxLength: 1 },
          ),
        }),
      }),
      fc.record({
        type: fc.constant("doorMode" as const),
        doorId: fc.constantFrom(...doorIds),
        defaultMode: fc.constantFrom(
          "locked" as const,
          "unlocked" as const,
          "secured" as const,
          "lockdown" as const,
        ),
      }),
    );
    fc.assert(
      fc.property(
        snapshotArbitrary,
        fc.array(changeArbitrary, { maxLength: 6 }),
        (snapshot: AccessSnapshot, changes) => {
          const delta = buildDelta(changes, snapshot.version);
          const received = verifyDelta(signDelta(delta, privateKey), publicKey);
          expect(received).toEqual({ ok: true, delta });
          if (!received.ok) return;
          const direct = applyDelta(snapshot, delta);
          expect(applyDelta(snapshot, received.delta)).toEqual(direct);
          if (direct.ok) expect(direct.snapshot.version).toBe(snapshot.version + 1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
