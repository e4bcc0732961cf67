import { join } from "node:path";
import {
  type AccessSnapshot,
  applyDelta,
  indexSnapshot,
  isNewer,
  type SignedEnvelope,
  type SnapshotDelta,
  type SnapshotIndex,
  verifyDelta,
  verifySnapshot,
} from "@tobira/core";
import type { SignedSnapshotDeltaDto, SignedSnapshotDto } from "@tobira/protocol";
import type { AgentLog } from "../log";
import type { Policy } from "./policy";
import { parseServerKey, type ServerKey } from "./server-key";
import { readSnapshotFile, type SnapshotFile, snapshotFileName, writeSnapshotFile } from "./snapshot-file";

/** What became of a snapshot or delta: `changed` is false when the agent already ran that version. */
export type PolicyUpdate =
  | { ok: true; version: number; changed: boolean }
  | { ok: false; version: number; reason: string };

export type KeyPinning = { ok: true; fingerprint: string } | { ok: false; message: string };

/**
 * The agent's policy: the last snapshot that verified with the pinned server key. Anything that does
 * not verify, does not apply or is older is refused and the last good snapshot stays in use.
 */
export interface SnapshotStore extends Policy {
  /** Pins the key the server names on welcome, or refuses it when it differs from the pinned one. */
  pinServerKey(publicKeyPem: string): KeyPinning;
  applySnapshot(signed: SignedSnapshotDto): PolicyUpdate;
  applyDelta(signed: SignedSnapshotDeltaDto): PolicyUpdate;
}

export interface SnapshotStoreOptions {
  dataDir: string;
  /** From config: SHA-256 of the server key's SPKI DER, hex; without it the first key seen is trusted. */
  pinnedFingerprint?: string | undefined;
  log: AgentLog;
}

interface Current {
  version: number;
  index: SnapshotIndex;
  signed: SignedSnapshotDto;
  deltas: SignedSnapshotDeltaDto[];
}

function toEnvelope(signed: { payload: string; signature: string }): SignedEnvelope {
  return {
    payload: new Uint8Array(Buffer.from(signed.payload, "base64")),
    signature: new Uint8Array(Buffer.from(signed.signature, "base64")),
  };
}

type Verified<T> = { ok: true; value: T } | { ok: false; reason: string };

function verifySignedSnapshot(signed: SignedSnapshotDto, key: ServerKey): Verified<AccessSnapshot> {
  const verified = verifySnapshot(toEnvelope(signed), key.publicKey);
  if (!verified.ok) return { ok: false, reason: `${verified.reason}: ${verified.message}` };
  if (verified.snapshot.version !== signed.version) {
    return {
      ok: false,
      reason: `malformed: signed version ${verified.snapshot.version} differs from ${signed.version}`,
    };
  }
  return { ok: true, value: verified.snapshot };
}

function verifySignedDelta(signed: SignedSnapshotDeltaDto, key: ServerKey): Verified<SnapshotDelta> {
  const verified = verifyDelta(toEnvelope(signed), key.publicKey);
  if (!verified.ok) return { ok: false, reason: `${verified.reason}: ${verified.message}` };
  if (verified.delta.version !== signed.version) {
    return {
      ok: false,
      reason: `malformed: signed version ${verified.delta.version} differs from ${signed.version}`,
    };
  }
  return { ok: true, value: verified.delta };
}

function applySignedDelta(
  snapshot: AccessSnapshot,
  signed: SignedSnapshotDeltaDto,
  key: ServerKey,
): Verified<AccessSnapshot> {
  const verified = verifySignedDelta(signed, key);
  if (!verified.ok) return verified;
  const applied = applyDelta(snapshot, verified.value);
  if (!applied.ok) return { ok: false, reason: `${applied.reason}: ${applied.message}` };
  return { ok: true, value: applied.snapshot };
}

export function openSnapshotStore({ dataDir, pinnedFingerprint, log }: SnapshotStoreOptions): SnapshotStore {
  const path = join(dataDir, snapshotFileName);
  const listeners = new Set<(version: number) => void>();
  let serverKey: ServerKey | null = null;
  let current: Current | null = null;

  function persist(): void {
    const file: SnapshotFile = {
      format: 1,
      serverKeyPem: serverKey?.publicKeyPem ?? null,
      snapshot: current?.signed ?? null,
      deltas: current?.deltas ?? [],
    };
    writeSnapshotFile(path, file);
  }

  function announce(version: number): void {
    for (const listener of listeners) {
      try {
        listener(version);
      } catch (error) {
        log.error({ category: "agent", err: error }, "a policy listener failed");
      }
    }
  }

  function restore(file: SnapshotFile): void {
    if (file.serverKeyPem === null) return;
    const key = parseServerKey(file.serverKeyPem);
    if (key === null) {
      log.error(
        { category: "agent", file: path },
        "the stored server key is unusable; ignoring the stored policy",
      );
      return;
    }
    if (pinnedFingerprint !== undefined && key.fingerprint !== pinnedFingerprint) {
      log.error(
        { category: "agent", stored: key.fingerprint, configured: pinnedFingerprint },
        "the stored policy was signed by another key than the one configured; ignoring it",
      );
      return;
    }
    serverKey = key;
    if (file.snapshot === null) return;
    const verified = verifySignedSnapshot(file.snapshot, key);
    if (!verified.ok) {
      log.error(
        { category: "agent", reason: verified.reason },
        "the stored snapshot does not verify; ignoring it",
      );
      return;
    }
    let snapshot = verified.value;
    const deltas: SignedSnapshotDeltaDto[] = [];
    for (const delta of file.deltas) {
      const applied = applySignedDelta(snapshot, delta, key);
      if (!applied.ok) {
        log.warn(
          { category: "agent", reason: applied.reason },
          "a stored delta does not apply; keeping the ones before it",
        );
        break;
      }
      snapshot = applied.value;
      deltas.push(delta);
    }
    current = { version: snapshot.version, index: indexSnapshot(snapshot), signed: file.snapshot, deltas };
    log.info({ category: "agent", version: snapshot.version }, "loaded the last good snapshot");
  }

  const stored = readSnapshotFile(path);
  if (!stored.ok)
    log.error({ category: "agent", file: path, reason: stored.message }, "cannot read the stored policy");
  else if (stored.file !== null) restore(stored.file);

  function refuse(version: number, reason: string): PolicyUpdate {
    log.warn(
      { category: "agent", version, reason },
      "refused a policy update; keeping the last good snapshot",
    );
    return { ok: false, version, reason };
  }

  function accept(next: Current): PolicyUpdate {
    current = next;
    persist();
    log.info({ category: "agent", version: next.version }, "applied a new policy");
    announce(next.version);
    return { ok: true, version: next.version, changed: true };
  }

  return {
    current: () => (current === null ? null : { version: current.version, index: current.index }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pinServerKey(publicKeyPem) {
      const key = parseServerKey(publicKeyPem);
      if (key === null)
        return { ok: false, message: "the server's snapshot key is not an Ed25519 public key" };
      if (pinnedFingerprint !== undefined && key.fingerprint !== pinnedFingerprint) {
        return {
          ok: false,
          message: `the server's snapshot key ${key.fingerprint} is not the configured ${pinnedFingerprint}`,
        };
      }
      if (serverKey !== null && serverKey.fingerprint !== key.fingerprint) {
        return {
          ok: false,
          message: `the server's snapshot key ${key.fingerprint} is not the pinned ${serverKey.fingerprint}`,
        };
      }
      if (serverKey === null) {
        serverKey = key;
        persist();
        log.info({ category: "agent", fingerprint: key.fingerprint }, "pinned the server's snapshot key");
      }
      return { ok: true, fingerprint: key.fingerprint };
    },
    applySnapshot(signed) {
      if (serverKey === null) return refuse(signed.version, "no server key pinned yet");
      const verified = verifySignedSnapshot(signed, serverKey);
      if (!verified.ok) return refuse(signed.version, verified.reason);
      const snapshot = verified.value;
      if (current !== null && snapshot.version === current.version) {
        // The same policy signed whole: keep it instead of the deltas, so they do not pile up.
        if (current.deltas.length > 0) {
          current = { ...current, signed, deltas: [] };
          persist();
        }
        return { ok: true, version: snapshot.version, changed: false };
      }
      if (current !== null && !isNewer(snapshot, current)) {
        return refuse(
          snapshot.version,
          `version ${snapshot.version} is older than ${current.version} in use`,
        );
      }
      return accept({ version: snapshot.version, index: indexSnapshot(snapshot), signed, deltas: [] });
    },
    applyDelta(signed) {
      if (serverKey === null) return refuse(signed.version, "no server key pinned yet");
      if (current === null) return refuse(signed.version, "no snapshot to apply a delta to");
      const verified = verifySignedDelta(signed, serverKey);
      if (!verified.ok) return refuse(signed.version, verified.reason);
      if (verified.value.version === current.version) {
        return { ok: true, version: current.version, changed: false };
      }
      if (!isNewer(verified.value, current)) {
        return refuse(signed.version, `version ${signed.version} is older than ${current.version} in use`);
      }
      const applied = applyDelta(current.index.snapshot, verified.value);
      if (!applied.ok) return refuse(signed.version, `${applied.reason}: ${applied.message}`);
      const snapshot = applied.snapshot;
      return accept({
        version: snapshot.version,
        index: indexSnapshot(snapshot),
        signed: current.signed,
        deltas: [...current.deltas, signed],
      });
    },
  };
}
