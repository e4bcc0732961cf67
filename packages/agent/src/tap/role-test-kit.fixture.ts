import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  connectInProcess,
  createStaffCardId,
  parseCertificate,
  personaliseStaffCard,
  type TestJpkiCa,
} from "@tobira/card";
import {
  createJpkiCard,
  createStaffCardVirtualCard,
  createVirtualCard,
  type JpkiVirtualCard,
  type StaffCardVirtualCard,
} from "@tobira/card/virtual";
import {
  type AccessSnapshot,
  type Credential,
  indexSnapshot,
  jpkiCredentialKey,
  type Schedule,
  signSnapshot,
  staffCardCredentialKey,
  verifySnapshot,
} from "@tobira/core";
import type { AgentMessage, AgentRole, ServerMessage } from "@tobira/protocol";
import type { Clock } from "../clock";
import { type AgentConfig, agentConfigSchema } from "../config";
import { createSimulatedDoor, type SimulatedDoor } from "../door/simulated-door";
import type { KioskAction, KioskScreen, KioskView } from "../kiosk/kiosk-screen";
import { openSqliteOutbox } from "../outbox/sqlite-outbox";
import type { PinEntry } from "../pin/pin-entry";
import type { RoleDeps } from "../role";
import type { Policy } from "../snapshot/policy";
import type { AgentAssignment, AgentCommand, ServerLink } from "../sync/server-link";
import { createVirtualReaders, type VirtualReaders } from "./virtual-readers";

/*
 * The parts a role runs on, for the role tests: a real SQLite outbox, a policy from a snapshot signed
 * and verified as the server's, virtual cards on virtual readers, the simulated door, and stand-ins for
 * the server link, the PIN pad and the kiosk page (each tested on its own elsewhere).
 */

export const readerName = "Virtual reader 0";
export const testPin = "4821";

export interface TestClock {
  clock: Clock;
  set(instant: string): void;
  advance(ms: number): void;
}

export function createTestClock(start: string): TestClock {
  let now = new Date(start);
  return {
    clock: () => new Date(now.getTime()),
    set: (instant) => {
      now = new Date(instant);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface LinkStandIn extends ServerLink {
  readonly sent: AgentMessage[];
  readonly flushes: number;
  deliver(message: ServerMessage): void;
  runCommand(command: AgentCommand): Promise<{ ok: boolean; message: string }>;
}

export function createLinkStandIn(assignment: AgentAssignment): LinkStandIn {
  const sent: AgentMessage[] = [];
  const messageListeners = new Set<(message: ServerMessage) => void>();
  let commandHandler: ((command: AgentCommand) => Promise<{ ok: boolean; message: string }>) | null = null;
  let flushes = 0;
  return {
    sent,
    get flushes() {
      return flushes;
    },
    send(message) {
      sent.push(message);
      return true;
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onCommand(handler) {
      commandHandler = handler;
      return () => {
        commandHandler = null;
      };
    },
    isConnected: () => true,
    onConnectionChange: () => () => undefined,
    assignment: () => assignment,
    flush() {
      flushes += 1;
    },
    async close() {},
    deliver(message) {
      for (const listener of [...messageListeners]) listener(message);
    },
    runCommand(command) {
      if (commandHandler === null) throw new Error("no command handler");
      return commandHandler(command);
    },
  };
}

/** Answers each PIN request with the next scripted PIN (null: the person cancels). */
export interface PinPad extends PinEntry {
  readonly prompts: string[];
  supply(pin: string | null): void;
}

export function createPinPad(): PinPad {
  const prompts: string[] = [];
  const supplied: (string | null)[] = [];
  return {
    prompts,
    supply: (pin) => supplied.push(pin),
    async requestPin(prompt) {
      prompts.push(prompt);
      return supplied.shift() ?? null;
    },
    async close() {},
  };
}

export interface KioskStandIn extends KioskScreen {
  readonly views: KioskView[];
  act(action: KioskAction): void;
}

export function createKioskStandIn(): KioskStandIn {
  const views: KioskView[] = [];
  const listeners = new Set<(action: KioskAction) => void>();
  return {
    url: "http://127.0.0.1:0/",
    views,
    show: (view) => views.push(view),
    onAction(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    act(action) {
      for (const listener of [...listeners]) listener(action);
    },
    async close() {},
  };
}

export function createSignedPolicy(snapshot: AccessSnapshot): Policy {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const verified = verifySnapshot(signSnapshot(snapshot, privateKey), publicKey);
  if (!verified.ok) throw new Error(verified.message);
  const current = { version: verified.snapshot.version, index: indexSnapshot(verified.snapshot) };
  return { current: () => current, onChange: () => () => undefined };
}

export const allDay: Schedule = {
  id: "1",
  name: "終日",
  windows: {
    workday: [{ start: 0, end: 1440 }],
    weeklyRest: [{ start: 0, end: 1440 }],
    holiday: [{ start: 0, end: 1440 }],
  },
  specialDays: [],
};

/** Door 10 書庫 (tap), door 11 サーバ室 (secured: card + PIN), door 12 電算室 (tap + proof). */
export function buildTestSnapshot(credentials: Credential[]): AccessSnapshot {
  const door = (id: string, name: string, defaultMode: "locked" | "secured", unlockSeconds: number) => ({
    id,
    name,
    toArea: "2",
    fromArea: "1",
    modes: [],
    defaultMode,
    heldOpenSeconds: 30,
    unlockSeconds,
  });
  return {
    version: 3,
    issuedAt: "2026-04-01T00:00:00Z",
    townDays: [],
    twoPersonSeconds: 30,
    areas: [
      { id: "1", name: "庁舎", parentId: null, antiPassback: false, twoPersonRule: false },
      { id: "2", name: "書庫", parentId: "1", antiPassback: false, twoPersonRule: false },
    ],
    doors: [
      door("10", "書庫", "locked", 7),
      door("11", "サーバ室", "secured", 4),
      door("12", "電算室", "locked", 5),
    ],
    schedules: [allDay],
    groups: [
      {
        id: "1",
        name: "職員",
        rules: [
          { doorId: "10", scheduleId: "1", minimumAssurance: "tap" },
          { doorId: "11", scheduleId: "1", minimumAssurance: "tap" },
          { doorId: "12", scheduleId: "1", minimumAssurance: "tapProof" },
        ],
      },
    ],
    holders: ["staff:1", "staff:2", "staff:3", "staff:4"].map((id) => ({
      id,
      groups: [{ groupId: "1", from: null, to: null }],
      grants: [],
    })),
    credentials,
  };
}

export interface TestMyNumberCard {
  card: JpkiVirtualCard;
  credentialKey: string;
  /** SubjectPublicKeyInfo DER, base64, as enrolment records it. */
  publicKey: string;
  certificate: Uint8Array;
}

export function createMyNumberCard(ca: TestJpkiCa, now: Date, pinTriesLeft = 3): TestMyNumberCard {
  const file = { ...createJpkiCard({ pin: testPin, ca, now }), pinTriesLeft };
  const card = createVirtualCard(file);
  if (card.kind !== "jpki") throw new Error("expected a JPKI card");
  const certificate = new Uint8Array(Buffer.from(file.userAuthCertificate, "base64"));
  const parsed = parseCertificate(certificate);
  return {
    card,
    certificate,
    credentialKey: jpkiCredentialKey(parsed.issuer.text, parsed.serialNumber),
    publicKey: Buffer.from(parsed.subjectPublicKeyInfo).toString("base64"),
  };
}

export interface TestStaffCard {
  card: StaffCardVirtualCard;
  cardId: string;
  credentialKey: string;
  publicKey: string;
}

export async function createStaffCard(): Promise<TestStaffCard> {
  const card = createStaffCardVirtualCard({ personalised: false });
  const identity = await personaliseStaffCard(connectInProcess(card), { cardId: createStaffCardId() });
  return {
    card,
    cardId: identity.cardId,
    credentialKey: staffCardCredentialKey(identity.cardId),
    publicKey: Buffer.from(identity.publicKey).toString("base64"),
  };
}

export function describeCredential(
  key: string,
  holderId: string,
  kind: Credential["kind"],
  publicKey: string | null,
  status: Credential["status"] = "active",
): Credential {
  return { key, kind, holderId, status, validFrom: null, validTo: null, publicKey };
}

export interface RoleKit {
  deps: RoleDeps;
  readers: VirtualReaders;
  door: SimulatedDoor;
  pinPad: PinPad;
  kiosk: KioskStandIn;
  link: LinkStandIn;
  time: TestClock;
}

export function createRoleKit(options: {
  role: AgentRole;
  snapshot: AccessSnapshot | null;
  doorId: number | null;
  now: string;
  config?: Partial<AgentConfig>;
}): RoleKit {
  const dataDir = mkdtempSync(join(tmpdir(), "tobira-role-"));
  const config = agentConfigSchema.parse({
    server: "http://127.0.0.1:1",
    role: options.role,
    dataDir,
    reader: { kind: "virtual" },
    ...options.config,
  });
  const time = createTestClock(options.now);
  const readers = createVirtualReaders([readerName]);
  const door = createSimulatedDoor();
  const pinPad = createPinPad();
  const kiosk = createKioskStandIn();
  const link = createLinkStandIn({ agentId: 1, readerId: 5, doorId: options.doorId, role: options.role });
  const policy: Policy =
    options.snapshot === null
      ? { current: () => null, onChange: () => () => undefined }
      : createSignedPolicy(options.snapshot);
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps: RoleDeps = {
    config,
    clock: time.clock,
    log,
    outbox: openSqliteOutbox(dataDir, time.clock),
    policy,
    link,
    readers,
    hardware: door,
    pinEntry: pinPad,
    kiosk,
  };
  return { deps, readers, door, pinPad, kiosk, link, time };
}
