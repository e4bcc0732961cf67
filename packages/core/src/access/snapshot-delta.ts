import type { AccessSnapshot, Credential, Door, Holder, SnapshotChange, SnapshotDelta } from "./policy";

export type DeltaFailureReason =
  | "base_version_mismatch"
  | "version_not_newer"
  | "unknown_credential"
  | "unknown_door";

export type AppliedDelta =
  | { ok: true; snapshot: AccessSnapshot }
  | { ok: false; reason: DeltaFailureReason; message: string };

type DeltaFailure = Extract<AppliedDelta, { ok: false }>;

// A copy of one collection the delta changes, with where each key sits.
interface DraftCollection<T> {
  items: T[];
  positions: Map<string, number>;
}

// Only the collections a change touches are copied; the snapshot passed in and everything the delta
// leaves alone are shared, never modified.
interface Draft {
  snapshot: AccessSnapshot;
  credentials?: DraftCollection<Credential>;
  holders?: DraftCollection<Holder>;
  doors?: DraftCollection<Door>;
}

function copyCollection<T>(items: readonly T[], keyOf: (item: T) => string): DraftCollection<T> {
  const positions = new Map<string, number>();
  for (const [position, item] of items.entries()) positions.set(keyOf(item), position);
  return { items: [...items], positions };
}

function draftCredentials(draft: Draft): DraftCollection<Credential> {
  draft.credentials ??= copyCollection(draft.snapshot.credentials, (credential) => credential.key);
  return draft.credentials;
}

function draftHolders(draft: Draft): DraftCollection<Holder> {
  draft.holders ??= copyCollection(draft.snapshot.holders, (holder) => holder.id);
  return draft.holders;
}

function draftDoors(draft: Draft): DraftCollection<Door> {
  draft.doors ??= copyCollection(draft.snapshot.doors, (door) => door.id);
  return draft.doors;
}

/** Replaces the item at the key's position, or appends it. */
function upsert<T>(collection: DraftCollection<T>, key: string, item: T): void {
  const position = collection.positions.get(key);
  if (position !== undefined) {
    collection.items[position] = item;
    return;
  }
  collection.positions.set(key, collection.items.length);
  collection.items.push(item);
}

/** Changes the item under the key; false when there is none. */
function update<T>(collection: DraftCollection<T>, key: string, change: (item: T) => T): boolean {
  const position = collection.positions.get(key);
  const item = position === undefined ? undefined : collection.items[position];
  if (position === undefined || item === undefined) return false;
  collection.items[position] = change(item);
  return true;
}

function applyChange(draft: Draft, change: SnapshotChange): DeltaFailure | null {
  switch (change.type) {
    case "credentialStatus": {
      const found = update(draftCredentials(draft), change.key, (credential) => ({
        ...credential,
        status: change.status,
      }));
      return found
        ? null
        : { ok: false, reason: "unknown_credential", message: `no credential ${change.key} to change` };
    }
    case "credentialUpsert":
      upsert(draftCredentials(draft), change.credential.key, change.credential);
      return null;
    case "holderUpsert":
      upsert(draftHolders(draft), change.holder.id, change.holder);
      return null;
    case "doorMode": {
      const found = update(draftDoors(draft), change.doorId, (door) => ({
        ...door,
        defaultMode: change.defaultMode,
      }));
      return found
        ? null
        : { ok: false, reason: "unknown_door", message: `no door ${change.doorId} to change` };
    }
  }
}

/**
 * The snapshot a delta turns `snapshot` into, with the delta's version and issuedAt. Fails, leaving
 * `snapshot` as it was, when the delta was built on another version or names what the snapshot lacks;
 * the agent then fetches the whole snapshot.
 */
export function applyDelta(snapshot: AccessSnapshot, delta: SnapshotDelta): AppliedDelta {
  if (delta.baseVersion !== snapshot.version) {
    return {
      ok: false,
      reason: "base_version_mismatch",
      message: `delta is for version ${delta.baseVersion}, the snapshot is version ${snapshot.version}`,
    };
  }
  if (delta.version <= delta.baseVersion) {
    return {
      ok: false,
      reason: "version_not_newer",
      message: `delta goes from version ${delta.baseVersion} to ${delta.version}`,
    };
  }
  const draft: Draft = { snapshot };
  for (const change of delta.changes) {
    const failure = applyChange(draft, change);
    if (failure !== null) return failure;
  }
  return {
    ok: true,
    snapshot: {
      ...snapshot,
      version: delta.version,
      issuedAt: delta.issuedAt,
      credentials: draft.credentials?.items ?? snapshot.credentials,
      holders: draft.holders?.items ?? snapshot.holders,
      doors: draft.doors?.items ?? snapshot.doors,
    },
  };
}
