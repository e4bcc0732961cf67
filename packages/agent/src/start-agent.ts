import { type CardReaders, openPcscReaders } from "@tobira/card";
import { createAgentLog } from "./agent-log";
import { type AttendanceRole, startAttendanceRole } from "./attendance-role";
import { type Clock, systemClock } from "./clock";
import type { AgentConfig } from "./config";
import { createDoorHardware } from "./door/create-door-hardware";
import type { DoorHardware } from "./door/door-hardware";
import { type DoorRole, startDoorRole } from "./door-role";
import { startEnrolmentRole } from "./enrolment-role";
import { loadOrCreateAgentKey } from "./identity/agent-key";
import type { KioskScreen } from "./kiosk/kiosk-screen";
import { startKioskServer } from "./kiosk/kiosk-server";
import type { AgentLog } from "./log";
import type { Outbox } from "./outbox/outbox";
import { openSqliteOutbox } from "./outbox/sqlite-outbox";
import { createPinEntry } from "./pin/create-pin-entry";
import type { PinEntry } from "./pin/pin-entry";
import type { RoleDeps, RoleHandle } from "./role";
import type { Policy } from "./snapshot/policy";
import { openSnapshotStore } from "./snapshot/snapshot-store";
import type { ServerLink } from "./sync/server-link";
import { readSoftwareVersion } from "./sync/software-version";
import { type LinkTiming, openWebSocketLink } from "./sync/websocket-link";

/** Parts a test, the demo or a benchmark brings instead of the ones the configuration names. */
export interface StartAgentOptions {
  clock?: Clock;
  log?: AgentLog;
  /** Required for `reader.kind: "virtual"`: the program's own readers with its virtual cards. */
  readers?: CardReaders;
  hardware?: DoorHardware | null;
  pinEntry?: PinEntry | null;
  kiosk?: KioskScreen | null;
  linkTiming?: Partial<LinkTiming>;
}

export type StartedRole =
  | { kind: "door"; handle: DoorRole }
  | { kind: "attendance"; handle: AttendanceRole }
  | { kind: "enrolment"; handle: RoleHandle };

export interface AgentHandle {
  /** The agent key's fingerprint, as the administrator compares it on approval. */
  fingerprint: string;
  link: ServerLink;
  policy: Policy;
  outbox: Outbox;
  role: StartedRole;
  readers: CardReaders;
  hardware: DoorHardware | null;
  kiosk: KioskScreen | null;
  /** Stops the role, the devices and the link, then closes the outbox. */
  close(): Promise<void>;
}

export class AgentStartError extends Error {
  override name = "AgentStartError";
}

const defaultKiosk = { port: 8090, host: "127.0.0.1" };

function needsKiosk(config: AgentConfig): boolean {
  return config.kiosk !== undefined || config.role !== "door" || config.pinEntry.kind === "screen";
}

function openReaders(config: AgentConfig, options: StartAgentOptions): CardReaders {
  if (options.readers !== undefined) return options.readers;
  if (config.reader.kind === "pcsc") return openPcscReaders();
  throw new AgentStartError(
    'reader.kind "virtual" has no cards unless the program puts them in (the demo); use "pcsc" for a real reader',
  );
}

function startRole(role: AgentConfig["role"], deps: RoleDeps): StartedRole {
  switch (role) {
    case "door":
      return { kind: "door", handle: startDoorRole(deps) };
    case "attendance":
      return { kind: "attendance", handle: startAttendanceRole(deps) };
    case "enrolment":
      return { kind: "enrolment", handle: startEnrolmentRole(deps) };
  }
}

/**
 * The agent's composition root: config → identity → outbox → policy → server link → devices → role.
 * When a part fails to start, the parts already started are closed again.
 */
export async function startAgent(config: AgentConfig, options: StartAgentOptions = {}): Promise<AgentHandle> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createAgentLog({ level: config.logLevel });
  // Closed in reverse order of opening, on failure and on close().
  const closers: (() => Promise<void> | void)[] = [];
  async function closeAll(): Promise<void> {
    for (const close of closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        log.error({ category: "agent", err: error }, "a part of the agent did not close cleanly");
      }
    }
  }

  try {
    const key = loadOrCreateAgentKey(config.dataDir);
    log.info({ category: "agent", fingerprint: key.fingerprint, role: config.role }, "agent starting");
    const outbox = openSqliteOutbox(config.dataDir, clock);
    closers.push(() => outbox.close());
    const policy = openSnapshotStore({
      dataDir: config.dataDir,
      pinnedFingerprint: config.snapshotKeyFingerprint,
      log,
    });
    const link = openWebSocketLink({
      config,
      key,
      outbox,
      policy,
      clock,
      log,
      softwareVersion: readSoftwareVersion(),
      timing: options.linkTiming,
    });
    closers.push(() => link.close());

    const readers = openReaders(config, options);
    if (options.readers === undefined) closers.push(() => readers.close());
    const hardware =
      options.hardware !== undefined
        ? options.hardware
        : config.role === "door"
          ? createDoorHardware(config.door, log)
          : null;
    if (options.hardware === undefined && hardware !== null) closers.push(() => hardware.close());
    const kiosk =
      options.kiosk !== undefined
        ? options.kiosk
        : needsKiosk(config)
          ? await startKioskServer(config.kiosk ?? defaultKiosk)
          : null;
    if (options.kiosk === undefined && kiosk !== null) {
      closers.push(() => kiosk.close());
      log.info({ category: "agent", url: kiosk.url }, "kiosk page ready");
    }
    const pinEntry =
      options.pinEntry !== undefined ? options.pinEntry : createPinEntry(config.pinEntry, kiosk, log);
    if (options.pinEntry === undefined && pinEntry !== null) closers.push(() => pinEntry.close());

    const role = startRole(config.role, {
      config,
      clock,
      log,
      outbox,
      policy,
      link,
      readers,
      hardware,
      pinEntry,
      kiosk,
    });
    closers.push(() => role.handle.close());

    let closing: Promise<void> | null = null;
    return {
      fingerprint: key.fingerprint,
      link,
      policy,
      outbox,
      role,
      readers,
      hardware,
      kiosk,
      close() {
        closing ??= closeAll().then(() => log.info({ category: "agent" }, "agent stopped"));
        return closing;
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
