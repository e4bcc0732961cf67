import { join } from "node:path";
import type { AgentRole, DoorState } from "@tobira/protocol";
import type { AttendanceOutcome } from "../attendance-role";
import { agentConfigSchema } from "../config";
import { createSimulatedDoor } from "../door/simulated-door";
import type { TapOutcome } from "../door-role";
import type { AgentLog } from "../log";
import { createScriptedPinEntry, type ScriptedPinEntry } from "../pin/scripted-pin-entry";
import { type AgentHandle, startAgent } from "../start-agent";
import { quietReaders } from "../tap/quiet-readers";
import { createVirtualReaders, type VirtualReaders } from "../tap/virtual-readers";
import { type DemoCard, openDemoCard } from "./demo-cards";

export interface DemoReader {
  readerId: number;
  readerName: string;
  role: AgentRole;
}

export interface DemoTapOutcome {
  granted: boolean;
  reason: string;
  message: string;
  holderId: string | null;
}

interface DemoAgent {
  reader: DemoReader;
  handle: AgentHandle;
  readers: VirtualReaders;
  pinEntry: ScriptedPinEntry;
}

export interface DemoAgents {
  /** Each agent's key fingerprint, so the server can approve the demo's own agents. */
  fingerprints(): { readerId: number; fingerprint: string }[];
  readers(): { readerId: number; prompt: string | null; state: DoorState | null }[];
  /** Puts a demo card on a reader, as a person would, typing `pin` if the reader asks for one. */
  tap(readerId: number, cardName: string, pin: string | undefined): Promise<DemoTapOutcome>;
  close(): Promise<void>;
}

function fromDoorTap(outcome: TapOutcome): DemoTapOutcome {
  return {
    granted: outcome.granted,
    reason: outcome.reason,
    message: outcome.message,
    holderId: outcome.holderId,
  };
}

function fromPunch(outcome: AttendanceOutcome): DemoTapOutcome {
  if (outcome.kind === "refused")
    return { granted: false, reason: outcome.reason, message: outcome.message, holderId: null };
  const word = outcome.punch === "in" ? "出勤 / clock-in" : "退勤 / clock-out";
  const repeated = outcome.kind === "repeated" ? "（記録済み / already recorded）" : "";
  const noClockIn =
    outcome.kind === "punched" && outcome.note === "no_clock_in"
      ? "（出勤の記録なし / no clock-in today）"
      : "";
  return {
    granted: true,
    reason: `punch_${outcome.punch}`,
    message: `${word}${repeated}${noClockIn}`,
    holderId: outcome.holderId,
  };
}

async function startDemoAgent(
  reader: DemoReader,
  options: { serverUrl: string; dataDir: string; log?: AgentLog },
): Promise<DemoAgent> {
  const readerName = `${reader.readerName} (demo)`;
  const readers = createVirtualReaders([readerName]);
  const pinEntry = createScriptedPinEntry();
  const config = agentConfigSchema.parse({
    server: options.serverUrl,
    role: reader.role,
    name: reader.readerName,
    dataDir: join(options.dataDir, `reader-${reader.readerId}`),
    reader: { kind: "virtual" },
    // The demo approves its own agents at once; their "waiting for approval" would only be noise.
    logLevel: "error",
  });
  const handle = await startAgent(config, {
    readers: reader.role === "enrolment" ? readers : quietReaders(readers),
    hardware: reader.role === "door" ? createSimulatedDoor() : null,
    pinEntry,
    kiosk: null,
    ...(options.log === undefined ? {} : { log: options.log }),
    linkTiming: { pendingRetryMinMs: 200, pendingRetryMaxMs: 500 },
  });
  return { reader, handle, readers, pinEntry };
}

/** Answers the reader's PIN prompt, if one opens during `work`, with `pin` (or cancels without one). */
async function withPinAnswer<T>(
  agent: DemoAgent,
  pin: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const stop = agent.pinEntry.onPromptChange((prompt) => {
    if (prompt !== null) agent.pinEntry.supply(pin ?? null);
  });
  try {
    return await work();
  } finally {
    stop();
  }
}

async function tapOn(agent: DemoAgent, card: DemoCard, pin: string | undefined): Promise<DemoTapOutcome> {
  const [readerName] = agent.readers.list();
  if (readerName === undefined) throw new Error("a demo agent without its reader");
  const { role } = agent.handle;
  if (role.kind === "enrolment") {
    // The station reads the card itself when an enrolment is waiting (asking a My Number Card's PIN,
    // answered here with the panel's); the card stays until the next one.
    if (card.kind === "jpki" && pin !== undefined) agent.pinEntry.supply(pin);
    agent.readers.insert(readerName, await openDemoCard(card));
    return {
      granted: true,
      reason: "card_placed",
      message: "登録端末にカードを置きました / card placed on the enrolment station",
      holderId: null,
    };
  }
  agent.readers.insert(readerName, await openDemoCard(card));
  try {
    return await withPinAnswer(agent, pin, async () =>
      role.kind === "door"
        ? fromDoorTap(await role.handle.handleTap())
        : fromPunch(await role.handle.handleTap()),
    );
  } finally {
    agent.readers.remove(readerName);
  }
}

/** One virtual agent per reader of the demo town hall, each with its own key, outbox and simulated door. */
export async function startDemoAgents(options: {
  serverUrl: string;
  dataDir: string;
  readers: readonly DemoReader[];
  cards: readonly DemoCard[];
  log?: AgentLog;
}): Promise<DemoAgents> {
  const agents: DemoAgent[] = [];
  try {
    for (const reader of options.readers) agents.push(await startDemoAgent(reader, options));
  } catch (error) {
    await Promise.all(agents.map((agent) => agent.handle.close()));
    throw error;
  }
  const find = (readerId: number) => agents.find((agent) => agent.reader.readerId === readerId);
  return {
    fingerprints: () =>
      agents.map((agent) => ({ readerId: agent.reader.readerId, fingerprint: agent.handle.fingerprint })),
    readers: () =>
      agents.map((agent) => ({
        readerId: agent.reader.readerId,
        prompt: agent.pinEntry.pendingPrompt(),
        state: agent.handle.role.kind === "door" ? agent.handle.role.handle.controller.state() : null,
      })),
    async tap(readerId, cardName, pin) {
      const agent = find(readerId);
      const card = options.cards.find((candidate) => candidate.name === cardName);
      if (agent === undefined || card === undefined)
        throw new Error(`no demo reader ${readerId} or card ${cardName}`);
      return tapOn(agent, card, pin);
    },
    async close() {
      await Promise.all(agents.map((agent) => agent.handle.close()));
    },
  };
}
