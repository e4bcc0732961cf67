import { createPrivateKey, createPublicKey, type KeyObject, verify } from "node:crypto";
import { performance } from "node:perf_hooks";
import { indexSnapshot, type SnapshotIndex, verifySnapshot } from "@tobira/core";
import type { ServerMessage } from "@tobira/protocol";
import { AgentClient, envelopeOf } from "../test/agent-client";
import { unlessClosed, wasClosed } from "./load-connection-closed";
import { createDoorDecider } from "./load-decision";
import type { RushAgent } from "./load-rush";
import type { LoadAgent, LoadServerReady } from "./load-server-messages";

// The clients share this process's one thread: with a town's snapshot each message takes tens of ms to
// parse and verify, and more at a time would make new connections miss their challenge (2 s).
const connectConcurrency = Number(process.env.TOBIRA_LOAD_CONNECT_CONCURRENCY ?? "10");
const welcomeTimeoutMs = 300_000;
// The server checks its connected agents' approval every second: wait for a few checks before the rush.
const settleMs = 3_000;

type Welcome = Extract<ServerMessage, { type: "welcome" }>;
type SnapshotMessage = Extract<ServerMessage, { type: "snapshot" }>;

export interface SnapshotFigures {
  holders: number;
  credentials: number;
  /** The snapshot as JSON (about its canonical form's size). */
  jsonBytes: number;
  /** The signed payload: the canonical JSON deflated. */
  payloadBytes: number;
  /** The snapshot message as the server sends it. */
  messageBytes: number;
  /** What one agent spends to take it: verify the signature, inflate, parse, check, index. */
  takeMs: number;
}

export interface ConnectedAgents {
  agents: RushAgent[];
  count: number;
  concurrency: number;
  /** From the first connection to the last agent's acknowledged snapshot. */
  seconds: number;
  /** The first agent alone: the server compiles and signs the snapshot for it. */
  first: { seconds: number };
  snapshot: SnapshotFigures;
  /** This process's CPU time (user + system) while the agents connected. */
  generatorCpuSeconds: number;
}

/** Checks what the agent received and throws when it would refuse it. */
type CheckSnapshot<T> = (welcome: Welcome, message: SnapshotMessage) => T;

/**
 * Connects one agent and waits for its welcome and snapshot; the snapshot is checked, then acknowledged
 * as the agent acknowledges it (snapshot_applied). A refusal or a closed connection fails the run.
 */
async function connectOne<T>(
  baseUrl: string,
  agent: LoadAgent,
  opened: AgentClient[],
  check: CheckSnapshot<T>,
): Promise<{ client: AgentClient; snapshot: SnapshotMessage; checked: T }> {
  const keys = { publicKey: agent.publicKey, privateKey: createPrivateKey(agent.privateKeyPem) };
  const client = await AgentClient.connect({ baseUrl, keys });
  opened.push(client);
  const welcome = await unlessClosed(client, client.next("welcome", welcomeTimeoutMs));
  const snapshot = await unlessClosed(client, client.next("snapshot", welcomeTimeoutMs));
  const checked = check(welcome, snapshot);
  client.send({ type: "snapshot_applied", version: snapshot.snapshot.version });
  // The client keeps every message it received; a thousand copies of a town's snapshot would not fit.
  client.received.length = 0;
  return { client, snapshot, checked };
}

/** The whole of what an agent does with a new snapshot: verify, inflate, parse, check the shape, index. */
function takeSnapshot(key: KeyObject, message: SnapshotMessage): SnapshotIndex {
  const verified = verifySnapshot(envelopeOf(message.snapshot), key);
  if (!verified.ok) throw new Error(`the snapshot does not verify: ${verified.message}`);
  return indexSnapshot(verified.snapshot);
}

function describeSnapshot(index: SnapshotIndex, message: SnapshotMessage, takeMs: number): SnapshotFigures {
  return {
    holders: index.snapshot.holders.length,
    credentials: index.snapshot.credentials.length,
    jsonBytes: Buffer.byteLength(JSON.stringify(index.snapshot)),
    payloadBytes: Buffer.from(message.snapshot.payload, "base64").length,
    messageBytes: Buffer.byteLength(JSON.stringify(message)),
    takeMs,
  };
}

/** The Ed25519 signature over the payload bytes this agent received, with the key its welcome named. */
function checkSignature(welcome: Welcome, message: SnapshotMessage): void {
  const { payload, signature } = envelopeOf(message.snapshot);
  if (!verify(null, payload, createPublicKey(welcome.snapshotKey.publicKeyPem), signature))
    throw new Error("a snapshot's signature does not verify");
}

function readCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Connects the first agent alone (the server compiles the snapshot for it), then the others
 * `connectConcurrency` at a time, until each has acknowledged the snapshot. The first agent takes the
 * snapshot whole (verify, inflate, parse, check, index); each other agent verifies the signature over
 * the bytes it received and that they are the first agent's, whose decoded snapshot it then shares:
 * decoding it 1,000 times in this one process would measure this process, not the server, and every
 * agent is on the same door with the same policy.
 */
export async function connectAgents(ready: LoadServerReady, staff: number): Promise<ConnectedAgents> {
  const opened: AgentClient[] = [];
  try {
    const cpuBefore = readCpuSeconds();
    const started = performance.now();
    const [firstAgent] = ready.agents;
    if (firstAgent === undefined) throw new Error("the server approved no agents");
    const first = await connectOne(ready.baseUrl, firstAgent, opened, (welcome, message) => {
      const takeStarted = performance.now();
      const index = takeSnapshot(createPublicKey(welcome.snapshotKey.publicKeyPem), message);
      return { index, doorId: String(welcome.doorId), takeMs: performance.now() - takeStarted };
    });
    const firstSeconds = (performance.now() - started) / 1000;
    const checkAsFirst: CheckSnapshot<void> = (welcome, message) => {
      checkSignature(welcome, message);
      if (message.snapshot.payload !== first.snapshot.snapshot.payload)
        throw new Error(`an agent received another snapshot (version ${message.snapshot.version})`);
    };
    const clients: AgentClient[] = [first.client];
    const failures: unknown[] = [];
    let next = 1;
    const connectNext = async () => {
      for (let i = next++; i < ready.agents.length && failures.length === 0; i = next++) {
        const agent = ready.agents[i];
        if (agent === undefined) return;
        try {
          clients[i] = (await connectOne(ready.baseUrl, agent, opened, checkAsFirst)).client;
        } catch (error) {
          // The first failure stops every other connection: closing them ends their waits at once.
          failures.push(error);
          await Promise.all(opened.map((client) => client.close()));
        }
      }
    };
    await Promise.all(Array.from({ length: connectConcurrency }, connectNext));
    if (failures.length > 0) throw failures[0];
    const seconds = (performance.now() - started) / 1000;
    const generatorCpuSeconds = readCpuSeconds() - cpuBefore;
    // No connection may be closed by the server after it acknowledged (an approved agent refused as revoked
    // would be shut out for ten minutes).
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const closed = clients.filter(wasClosed).length;
    if (closed > 0) throw new Error(`the server closed ${closed} agents' connections after they connected`);
    const { index, doorId, takeMs } = first.checked;
    return {
      agents: clients.map((client) => ({ client, decideTap: createDoorDecider(index, doorId, staff) })),
      count: clients.length,
      concurrency: connectConcurrency,
      seconds,
      first: { seconds: firstSeconds },
      snapshot: describeSnapshot(index, first.snapshot, takeMs),
      generatorCpuSeconds,
    };
  } catch (error) {
    await Promise.all(opened.map((client) => client.close()));
    throw error;
  }
}
