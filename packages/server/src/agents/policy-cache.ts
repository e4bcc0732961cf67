import type { ServerMessage } from "@tobira/protocol";
import { publishDelta } from "../access/publish-delta";
import { publishSnapshot } from "../access/publish-snapshot";
import { loadSigningKey, type SigningKey } from "../access/signing-key-repository";
import type { Deps } from "../deps";
import { AppError } from "../errors";

/** A policy message ready to send: serialised once, sent to every agent that needs it. */
export interface PolicyUpdate {
  kind: "snapshot" | "delta";
  version: number;
  text: string;
}

interface Cached<T> {
  version: number;
  promise: Promise<T>;
}

// A snapshot holds only what has not ended by the day it was compiled, so an old one is recompiled
// even when nothing changed: agents reconnecting next morning get today's.
const snapshotMaxAgeMs = 60 * 60_000;

export interface PolicyCache {
  /** What an agent on version `since` (null: none yet) needs to reach `current`, or null when it is there. */
  updateFor(since: number | null, current: number): Promise<PolicyUpdate | null>;
  /** The full snapshot at `current` or later. */
  snapshotAt(current: number): Promise<PolicyUpdate>;
  signingKey(): Promise<SigningKey>;
}

function serialise(message: ServerMessage): string {
  return JSON.stringify(message);
}

/**
 * Compiles and signs the snapshot once per version and each delta once per (since, version), so a
 * crowd of agents reconnecting together costs one compilation, not one each.
 */
export function createPolicyCache(deps: Pick<Deps, "db" | "clock">): PolicyCache {
  let snapshot: (Cached<PolicyUpdate> & { madeAtMs: number }) | null = null;
  const deltas = new Map<number, Cached<PolicyUpdate | null>>();
  let key: Promise<SigningKey> | null = null;

  function snapshotAt(current: number): Promise<PolicyUpdate> {
    if (snapshot && snapshot.version >= current && !isOld(snapshot)) return snapshot.promise;
    const promise = publishSnapshot(deps).then((signed) => ({
      kind: "snapshot" as const,
      version: signed.version,
      text: serialise({ type: "snapshot", snapshot: signed }),
    }));
    const entry = { version: current, promise, madeAtMs: deps.clock.now().getTime() };
    snapshot = entry;
    promise.then(
      (update) => {
        if (snapshot === entry) snapshot = { ...entry, version: update.version };
      },
      () => {
        if (snapshot === entry) snapshot = null;
      },
    );
    return promise;
  }

  function isOld(entry: { madeAtMs: number }): boolean {
    return deps.clock.now().getTime() - entry.madeAtMs > snapshotMaxAgeMs;
  }

  function forgetStaleDeltas(current: number): void {
    for (const [since, entry] of deltas) if (entry.version < current) deltas.delete(since);
  }

  // Null when the changes since `since` cannot travel as a delta, so the agent needs the snapshot.
  function deltaFrom(since: number, current: number): Promise<PolicyUpdate | null> {
    forgetStaleDeltas(current);
    const cached = deltas.get(since);
    if (cached && cached.version >= current) return cached.promise;
    const promise = publishDelta(deps, since).then(
      (signed) =>
        signed === null
          ? null
          : {
              kind: "delta" as const,
              version: signed.version,
              text: serialise({ type: "delta", delta: signed }),
            },
      (error: unknown) => {
        if (error instanceof AppError && error.id === "conflict") return null;
        throw error;
      },
    );
    const entry = { version: current, promise };
    deltas.set(since, entry);
    promise.then(
      (update) => {
        if (update && deltas.get(since) === entry) deltas.set(since, { version: update.version, promise });
      },
      () => {
        if (deltas.get(since) === entry) deltas.delete(since);
      },
    );
    return promise;
  }

  return {
    async updateFor(since, current) {
      if (since !== null && since === current) return null;
      if (since !== null && since < current) {
        const delta = await deltaFrom(since, current);
        if (delta) return delta;
      }
      return snapshotAt(current);
    },
    snapshotAt,
    signingKey() {
      // The key is made once and never rotates while the server runs.
      key ??= loadSigningKey(deps.db, deps.clock.now()).catch((error: unknown) => {
        key = null;
        throw error;
      });
      return key;
    },
  };
}
