import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryLog } from "../../test/memory-log";
import {
  buildOfficeSnapshot,
  buildRevocation,
  createTestServerKey,
  signDeltaDto,
  signSnapshotDto,
  type TestServerKey,
} from "../../test/signed-policy";
import { readSnapshotFile, snapshotFileName, writeSnapshotFile } from "./snapshot-file";
import { openSnapshotStore, type SnapshotStore } from "./snapshot-store";

const directories: string[] = [];

function makeTempDir(): string {
  const directory = mkdtempSync(join(tmpdir(), "tobira-snapshot-"));
  directories.push(directory);
  return directory;
}

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function openPinned(dataDir: string, key: TestServerKey): SnapshotStore {
  const store = openSnapshotStore({ dataDir, log: createMemoryLog() });
  expect(store.pinServerKey(key.publicKeyPem)).toEqual({ ok: true, fingerprint: key.fingerprint });
  return store;
}

function credentialStatus(store: SnapshotStore): string | undefined {
  return store.current()?.index.credentials.get("staffCard:1")?.credential.status;
}

describe("openSnapshotStore", () => {
  it("applies a snapshot signed by the pinned key and tells listeners", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);
    const versions: number[] = [];
    store.onChange((version) => versions.push(version));

    expect(store.current()).toBeNull();
    expect(store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key))).toEqual({
      ok: true,
      version: 3,
      changed: true,
    });
    expect(store.current()?.version).toBe(3);
    expect(store.current()?.index.doors.get("archive")?.unlockSeconds).toBe(5);
    expect(versions).toEqual([3]);
  });

  it("refuses a tampered snapshot and keeps the last good one", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);
    store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key));

    const tampered = signSnapshotDto(buildOfficeSnapshot(4), key);
    const payload = Buffer.from(tampered.payload, "base64");
    payload[payload.length - 1] = (payload[payload.length - 1] ?? 0) ^ 0x01;
    const result = store.applySnapshot({ ...tampered, payload: payload.toString("base64") });

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/^bad_signature/);
    expect(store.current()?.version).toBe(3);
  });

  it("refuses a snapshot signed by another key", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);

    const result = store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), createTestServerKey()));
    expect(result.ok).toBe(false);
    expect(store.current()).toBeNull();
  });

  it("refuses everything before a server key is pinned", () => {
    const key = createTestServerKey();
    const store = openSnapshotStore({ dataDir: makeTempDir(), log: createMemoryLog() });

    expect(store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key))).toMatchObject({ ok: false });
    expect(store.current()).toBeNull();
  });

  it("refuses an older snapshot and treats the same version as already applied", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);
    store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(5), key));

    expect(store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(4), key))).toMatchObject({
      ok: false,
      version: 4,
    });
    expect(store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(5), key))).toEqual({
      ok: true,
      version: 5,
      changed: false,
    });
    expect(store.current()?.version).toBe(5);
  });

  it("applies a signed delta on the current snapshot", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);
    store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key));

    expect(store.applyDelta(signDeltaDto(buildRevocation(3, 4), key))).toEqual({
      ok: true,
      version: 4,
      changed: true,
    });
    expect(store.current()?.version).toBe(4);
    expect(credentialStatus(store)).toBe("revoked");
  });

  it("refuses a delta with a bad signature and keeps the card as it was", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);
    store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key));

    const forged = signDeltaDto(buildRevocation(3, 4), createTestServerKey());
    const result = store.applyDelta({ ...forged, keyFingerprint: key.fingerprint });

    expect(result).toMatchObject({ ok: false, version: 4 });
    expect(result.ok ? "" : result.reason).toMatch(/^bad_signature/);
    expect(store.current()?.version).toBe(3);
    expect(credentialStatus(store)).toBe("active");
  });

  it("refuses a delta built on another version", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);
    store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key));

    const result = store.applyDelta(signDeltaDto(buildRevocation(5, 6), key));
    expect(result.ok ? "" : result.reason).toMatch(/^base_version_mismatch/);
    expect(store.current()?.version).toBe(3);
  });

  it("refuses a delta that would take the policy back to an older version", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);
    store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(8), key));

    expect(store.applyDelta(signDeltaDto(buildRevocation(6, 7), key))).toMatchObject({
      ok: false,
      version: 7,
    });
    expect(store.current()?.version).toBe(8);
  });

  it("reloads the pinned key, the snapshot and its deltas after a restart, verifying them again", () => {
    const key = createTestServerKey();
    const dataDir = makeTempDir();
    const store = openPinned(dataDir, key);
    store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key));
    store.applyDelta(signDeltaDto(buildRevocation(3, 4), key));

    const reopened = openSnapshotStore({ dataDir, log: createMemoryLog() });
    expect(reopened.current()?.version).toBe(4);
    expect(credentialStatus(reopened)).toBe("revoked");
    expect(reopened.pinServerKey(createTestServerKey().publicKeyPem).ok).toBe(false);
  });

  it("does not trust a stored snapshot whose bytes were changed on disk", () => {
    const key = createTestServerKey();
    const dataDir = makeTempDir();
    openPinned(dataDir, key).applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key));

    const path = join(dataDir, snapshotFileName);
    const stored = readSnapshotFile(path);
    if (!stored.ok || stored.file === null) throw new Error("the snapshot file was not written");
    const forged = signSnapshotDto(buildOfficeSnapshot(9), createTestServerKey());
    writeSnapshotFile(path, { ...stored.file, snapshot: forged });

    const log = createMemoryLog();
    const reopened = openSnapshotStore({ dataDir, log });
    expect(reopened.current()).toBeNull();
    expect(log.lines.some((line) => line.level === "error")).toBe(true);
  });

  it("refuses a server key that differs from the configured fingerprint", () => {
    const key = createTestServerKey();
    const configured = createTestServerKey();
    const store = openSnapshotStore({
      dataDir: makeTempDir(),
      pinnedFingerprint: configured.fingerprint,
      log: createMemoryLog(),
    });

    expect(store.pinServerKey(key.publicKeyPem).ok).toBe(false);
    expect(store.applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key))).toMatchObject({ ok: false });
    expect(store.pinServerKey(configured.publicKeyPem)).toEqual({
      ok: true,
      fingerprint: configured.fingerprint,
    });
  });

  it("keeps the first key seen and refuses a later, different one", () => {
    const key = createTestServerKey();
    const store = openPinned(makeTempDir(), key);

    const result = store.pinServerKey(createTestServerKey().publicKeyPem);
    expect(result.ok).toBe(false);
    expect(store.pinServerKey(key.publicKeyPem).ok).toBe(true);
  });

  it("ignores a stored policy signed by another key than the configured one", () => {
    const key = createTestServerKey();
    const dataDir = makeTempDir();
    openPinned(dataDir, key).applySnapshot(signSnapshotDto(buildOfficeSnapshot(3), key));

    const configured = createTestServerKey();
    const reopened = openSnapshotStore({
      dataDir,
      pinnedFingerprint: configured.fingerprint,
      log: createMemoryLog(),
    });
    expect(reopened.current()).toBeNull();
  });
});
