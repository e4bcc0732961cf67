import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import { type AccessSnapshot, type SnapshotDelta, signDelta, signSnapshot } from "@tobira/core";
import type { SignedSnapshotDeltaDto, SignedSnapshotDto } from "@tobira/protocol";

/** A server's snapshot-signing key pair, as the tests' stand-in server holds it. */
export interface TestServerKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

export function createTestServerKey(): TestServerKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    fingerprint: createHash("sha256")
      .update(publicKey.export({ type: "spki", format: "der" }))
      .digest("hex"),
  };
}

/** A small office: one archive door, one staff member with one card. */
export function buildOfficeSnapshot(version: number): AccessSnapshot {
  return {
    version,
    issuedAt: "2026-09-22T00:00:00Z",
    townDays: [],
    twoPersonSeconds: 30,
    areas: [
      { id: "hall", name: "庁舎", parentId: null, antiPassback: false, twoPersonRule: false },
      { id: "archive", name: "書庫", parentId: "hall", antiPassback: false, twoPersonRule: false },
    ],
    doors: [
      {
        id: "archive",
        name: "書庫",
        toArea: "archive",
        fromArea: "hall",
        modes: [],
        defaultMode: "locked",
        heldOpenSeconds: 30,
        unlockSeconds: 5,
      },
    ],
    schedules: [
      {
        id: "all-day",
        name: "終日",
        windows: { workday: [{ start: 0, end: 1440 }] },
        specialDays: [],
      },
    ],
    groups: [
      {
        id: "archivists",
        name: "書庫担当",
        rules: [{ doorId: "archive", scheduleId: "all-day", minimumAssurance: "tap" }],
      },
    ],
    holders: [{ id: "staff:1", groups: [{ groupId: "archivists", from: null, to: null }], grants: [] }],
    credentials: [
      {
        key: "staffCard:1",
        kind: "staffCard",
        holderId: "staff:1",
        status: "active",
        validFrom: null,
        validTo: null,
        publicKey: null,
      },
    ],
  };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** Signs a snapshot the way the server publishes it. */
export function signSnapshotDto(snapshot: AccessSnapshot, key: TestServerKey): SignedSnapshotDto {
  const envelope = signSnapshot(snapshot, key.privateKey);
  return {
    version: snapshot.version,
    issuedAt: snapshot.issuedAt,
    payload: toBase64(envelope.payload),
    signature: toBase64(envelope.signature),
    keyFingerprint: key.fingerprint,
  };
}

export function signDeltaDto(delta: SnapshotDelta, key: TestServerKey): SignedSnapshotDeltaDto {
  const envelope = signDelta(delta, key.privateKey);
  return {
    baseVersion: delta.baseVersion,
    version: delta.version,
    issuedAt: delta.issuedAt,
    payload: toBase64(envelope.payload),
    signature: toBase64(envelope.signature),
    keyFingerprint: key.fingerprint,
  };
}

/** A delta revoking the office's one card. */
export function buildRevocation(baseVersion: number, version: number): SnapshotDelta {
  return {
    baseVersion,
    version,
    issuedAt: "2026-09-22T01:00:00Z",
    changes: [{ type: "credentialStatus", key: "staffCard:1", status: "revoked" }],
  };
}
