import { type KeyObject, sign, verify } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { serializeCanonicalJson } from "../audit/index";
import type { AccessSnapshot, SnapshotDelta } from "./policy";
import { isAccessSnapshot, isSnapshotDelta } from "./snapshot-shape";

/**
 * The wire form of snapshots and deltas. A payload is a 4-byte tag naming what it holds ("TBS1" a
 * snapshot, "TBD1" a delta, so one can never pass for the other) followed by the raw DEFLATE of its
 * canonical JSON (keys sorted at every depth): equal snapshots give equal bytes. The server signs the
 * payload with its Ed25519 key; the version travels inside the signed bytes, so an agent can tell a
 * replayed older snapshot (see isNewer).
 */
export interface SignedEnvelope {
  payload: Uint8Array;
  signature: Uint8Array;
}

export type VerifyFailure = { ok: false; reason: "bad_signature" | "malformed"; message: string };
export type VerifiedSnapshot = { ok: true; snapshot: AccessSnapshot } | VerifyFailure;
export type VerifiedDelta = { ok: true; delta: SnapshotDelta } | VerifyFailure;

const SNAPSHOT_TAG = new TextEncoder().encode("TBS1");
const DELTA_TAG = new TextEncoder().encode("TBD1");
// A fixed level, so the bytes do not depend on zlib's default; 9 takes five times as long for 6% less.
// Verification checks the bytes as received and never re-encodes, so agents on another zlib still verify.
const DEFLATE_LEVEL = 6;

function encodePayload(tag: Uint8Array, value: unknown): Uint8Array {
  const body = deflateRawSync(Buffer.from(serializeCanonicalJson(value), "utf8"), { level: DEFLATE_LEVEL });
  const payload = new Uint8Array(tag.length + body.length);
  payload.set(tag);
  payload.set(body, tag.length);
  return payload;
}

function hasTag(payload: Uint8Array, tag: Uint8Array): boolean {
  if (payload.length < tag.length) return false;
  return tag.every((byte, position) => payload[position] === byte);
}

function decodePayload<T>(
  payload: Uint8Array,
  tag: Uint8Array,
  isExpected: (value: unknown) => value is T,
): T | null {
  if (!hasTag(payload, tag)) return null;
  try {
    const json = inflateRawSync(payload.subarray(tag.length));
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
    return isExpected(value) ? value : null;
  } catch {
    // zlib, the UTF-8 decoder and JSON.parse report broken input by throwing; here it is just malformed.
    return null;
  }
}

function requireEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== "ed25519") {
    throw new TypeError(`Snapshots are signed with Ed25519, not ${key.asymmetricKeyType ?? key.type}`);
  }
}

function signPayload(payload: Uint8Array, privateKey: KeyObject): SignedEnvelope {
  requireEd25519(privateKey);
  return { payload, signature: new Uint8Array(sign(null, payload, privateKey)) };
}

function isSignatureValid(envelope: SignedEnvelope, publicKey: KeyObject): boolean {
  requireEd25519(publicKey);
  try {
    return verify(null, envelope.payload, publicKey, envelope.signature);
  } catch {
    // OpenSSL may refuse a signature of the wrong length outright instead of returning false.
    return false;
  }
}

/** The canonical bytes of a snapshot (tag + deflated canonical JSON). */
export function encodeSnapshot(snapshot: AccessSnapshot): Uint8Array {
  return encodePayload(SNAPSHOT_TAG, snapshot);
}

/** The snapshot in a payload; null when the payload is not a well-formed snapshot. Does not verify. */
export function decodeSnapshot(payload: Uint8Array): AccessSnapshot | null {
  return decodePayload(payload, SNAPSHOT_TAG, isAccessSnapshot);
}

export function encodeDelta(delta: SnapshotDelta): Uint8Array {
  return encodePayload(DELTA_TAG, delta);
}

export function decodeDelta(payload: Uint8Array): SnapshotDelta | null {
  return decodePayload(payload, DELTA_TAG, isSnapshotDelta);
}

/** Encodes and signs a snapshot with the server's Ed25519 private key. */
export function signSnapshot(snapshot: AccessSnapshot, privateKey: KeyObject): SignedEnvelope {
  return signPayload(encodeSnapshot(snapshot), privateKey);
}

/** Checks the signature first, then decodes; nothing unsigned is ever parsed. */
export function verifySnapshot(envelope: SignedEnvelope, publicKey: KeyObject): VerifiedSnapshot {
  if (!isSignatureValid(envelope, publicKey)) {
    return { ok: false, reason: "bad_signature", message: "snapshot signature does not verify" };
  }
  const snapshot = decodeSnapshot(envelope.payload);
  if (snapshot === null)
    return { ok: false, reason: "malformed", message: "signed payload is not a snapshot" };
  return { ok: true, snapshot };
}

export function signDelta(delta: SnapshotDelta, privateKey: KeyObject): SignedEnvelope {
  return signPayload(encodeDelta(delta), privateKey);
}

export function verifyDelta(envelope: SignedEnvelope, publicKey: KeyObject): VerifiedDelta {
  if (!isSignatureValid(envelope, publicKey)) {
    return { ok: false, reason: "bad_signature", message: "delta signature does not verify" };
  }
  const delta = decodeDelta(envelope.payload);
  if (delta === null) return { ok: false, reason: "malformed", message: "signed payload is not a delta" };
  return { ok: true, delta };
}

/** Whether `candidate` is a later snapshot than `current`: an agent ignores anything not newer. */
export function isNewer(candidate: { version: number }, current: { version: number }): boolean {
  return candidate.version > current.version;
}
