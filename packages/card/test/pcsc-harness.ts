import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ApduResponder } from "../src/transport/in-process";
import { openPcscReaders } from "../src/transport/pcsc";
import type { CardConnection, CardReaders } from "../src/transport/transport";
import { insertIntoVpcd, type VpcdLink } from "../src/transport/vpcd-link";

export function vpcdReaderName(slot: number): string {
  return `Virtual PCD 00 0${slot}`;
}

const lockWaitMs = 5 * 60_000;
/** For the beforeAll that takes a slot: the wait for the lock and a minute to spare. */
export const vpcdSlotHookTimeoutMs = lockWaitMs + 60_000;
const lockPollMs = 100;
// A holder writes its pid right after mkdir; a lock without one for this long was left half-made.
const unnamedLockStaleMs = 5_000;

// /tmp itself, not $TMPDIR: the slot is the machine's, whoever's environment the test runs in.
function slotLockPath(slot: number): string {
  return `/tmp/tobira-vpcd-slot-${slot}.lock`;
}

function readLockHolder(path: string): string | null {
  try {
    return readFileSync(join(path, "holder"), "utf8");
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

function isLockStale(path: string): boolean {
  const holder = readLockHolder(path);
  if (holder === null) {
    try {
      return Date.now() - statSync(path).mtimeMs > unnamedLockStaleMs;
    } catch {
      return false;
    }
  }
  const pid = Number.parseInt(holder, 10);
  return Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid);
}

/** Moves a dead holder's lock aside; puts it back if a live holder took the slot in between. */
function breakStaleLock(path: string, staleHolder: string | null): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  if (readLockHolder(aside) === staleHolder) {
    rmSync(aside, { recursive: true, force: true });
    return;
  }
  try {
    renameSync(aside, path);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
}

function tryTakeLock(path: string, holder: string): boolean {
  try {
    mkdirSync(path);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(join(path, "holder"), holder);
  return true;
}

/**
 * Takes a vpcd slot for this process across test files and processes (vitest runs files in parallel,
 * and a slot holds one card at a time). Waits up to 5 minutes; a lock whose holder process is gone is
 * broken. Resolves to the function that gives the slot back.
 */
export async function lockVpcdSlot(slot: number): Promise<() => Promise<void>> {
  const path = slotLockPath(slot);
  const holder = `${process.pid} ${randomBytes(8).toString("hex")}`;
  const deadline = Date.now() + lockWaitMs;
  while (!tryTakeLock(path, holder)) {
    const seen = readLockHolder(path);
    if (Date.now() > deadline)
      throw new Error(`vpcd slot ${slot} is still held by ${seen ?? "an unnamed holder"} after 5 minutes`);
    if (isLockStale(path)) breakStaleLock(path, seen);
    await new Promise((resolve) => setTimeout(resolve, lockPollMs));
  }
  return async () => {
    if (readLockHolder(path) === holder) rmSync(path, { recursive: true, force: true });
  };
}

/** PC/SC through the running pcscd, once its vpcd readers are listed. */
export async function openVpcdReaders(): Promise<CardReaders> {
  const readers = openPcscReaders();
  for (let i = 0; i < 100; i++) {
    if (readers.list().includes(vpcdReaderName(0))) return readers;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await readers.close();
  throw new Error("pcscd lists no vpcd readers: is vsmartcard-vpcd installed and pcscd running?");
}

function waitFor(
  readers: CardReaders,
  type: "card-inserted" | "card-removed",
  reader: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${type} event on ${reader} within 10 s`));
    }, 10_000);
    const stop = readers.onEvent((event) => {
      if (event.type === type && event.reader === reader) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

export interface InsertedCard {
  connection: CardConnection;
  link: VpcdLink;
  /** Takes the card out, waits until pcscd has noticed, and releases the connection. */
  remove(): Promise<void>;
  /** Takes the card out without releasing the connection, as a hand pulling a card away would. */
  pullOut(): Promise<void>;
}

/** Puts a virtual card into a vpcd slot, waits for pcscd to see it, and connects through PC/SC. */
export async function insertVirtualCard(
  readers: CardReaders,
  card: ApduResponder,
  slot: number,
): Promise<InsertedCard> {
  const name = vpcdReaderName(slot);
  const inserted = waitFor(readers, "card-inserted", name);
  const link = insertIntoVpcd(card, { slot });
  await link.ready;
  await inserted;
  const connection = await readers.connect(name);
  return {
    connection,
    link,
    pullOut: async () => {
      const removed = waitFor(readers, "card-removed", name);
      await link.remove();
      await removed;
    },
    remove: async () => {
      const removed = waitFor(readers, "card-removed", name);
      await link.remove();
      await removed;
      await connection.disconnect();
    },
  };
}
