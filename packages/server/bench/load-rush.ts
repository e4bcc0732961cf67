import { performance } from "node:perf_hooks";
import type { AccessEventInput } from "@tobira/protocol";
import { deliveryBatchSize } from "../../agent/src/sync/outbox-delivery";
import type { AgentClient } from "../test/agent-client";
import { unlessClosed } from "./load-connection-closed";
import type { DecideTap } from "./load-decision";

const ackTimeoutMs = 120_000;

export interface RushPlan {
  name: string;
  taps: number;
  windowMs: number;
  /** Seeds the tap times, so that runs of the same plan send the same rush. */
  seed: number;
}

export interface RushResult {
  sent: number;
  accepted: number;
  duplicates: number;
  batches: number;
  /** From the first tap to the last acknowledgement. */
  seconds: number;
  /** Per batch: from sending it to its events_ack. */
  batchMs: number[];
  /** Per tap: from the tap to the events_ack of the batch that carried it (queueing included). */
  tapMs: number[];
  /** Per tap: how late this process fired the tap against its plan (the load generator's own lag). */
  lagMs: number[];
  /** Per tap: from the tap to the agent's local decision (before anything is sent). */
  decisionMs: number[];
  /** Taps per decision reason ("granted", "unknown_card" …). */
  reasons: Map<string, number>;
}

/** A connected agent and how it decides its taps. */
export interface RushAgent {
  client: AgentClient;
  decideTap: DecideTap;
}

/** mulberry32: a small seeded generator, so that the rush is the same from run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Each tap lands at a uniformly random instant of the window on a uniformly random agent: a Poisson
 * process of the plan's rate, conditioned on its count. Returns each agent's tap offsets, ascending.
 */
function planTaps(plan: RushPlan, agents: number): number[][] {
  const random = seededRandom(plan.seed);
  const perAgent: number[][] = Array.from({ length: agents }, () => []);
  for (let i = 0; i < plan.taps; i++) perAgent[Math.floor(random() * agents)]?.push(random() * plan.windowMs);
  for (const offsets of perAgent) offsets.sort((a, b) => a - b);
  return perAgent;
}

interface Tap {
  event: AccessEventInput;
  tappedAt: number;
}

/**
 * One door agent's sending, as the real agent does it (outbox-delivery.ts): taps go to an outbox, at most
 * one batch of up to 500 is in flight, and whatever gathered while it was sent goes in the next one.
 */
class RushingAgent {
  private readonly outbox: Tap[] = [];
  private inFlight = false;
  private batchCount = 0;
  private drained: () => void = () => {};

  constructor(
    private readonly agent: RushAgent,
    private readonly prefix: string,
    private readonly result: RushResult,
  ) {}

  tap(sequence: number, plannedAt: number): void {
    const tappedAt = performance.now();
    this.result.lagMs.push(tappedAt - plannedAt);
    const decided = this.agent.decideTap(this.result.sent);
    this.result.decisionMs.push(performance.now() - tappedAt);
    const reason = decided.reason ?? "none";
    this.result.reasons.set(reason, (this.result.reasons.get(reason) ?? 0) + 1);
    const event = { eventId: `${this.prefix}-${sequence}`, ...decided };
    this.outbox.push({ event, tappedAt });
    this.result.sent++;
    void this.flush();
  }

  /** Resolves once every tap so far is acknowledged. */
  whenDrained(): Promise<void> {
    if (!this.inFlight && this.outbox.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.drained = resolve;
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight) return;
    const batch = this.outbox.splice(0, deliveryBatchSize);
    if (batch.length === 0) {
      this.drained();
      return;
    }
    this.inFlight = true;
    const batchId = `${this.prefix}-batch-${++this.batchCount}`;
    const sentAt = performance.now();
    const { client } = this.agent;
    const acknowledged = client.next("events_ack", ackTimeoutMs, (ack) => ack.batchId === batchId);
    client.send({ type: "events", batchId, events: batch.map((tap) => tap.event) });
    const ack = await unlessClosed(client, acknowledged);
    const now = performance.now();
    this.result.batches++;
    this.result.batchMs.push(now - sentAt);
    for (const tap of batch) this.result.tapMs.push(now - tap.tappedAt);
    this.result.accepted += ack.accepted.length;
    this.result.duplicates += ack.duplicates.length;
    this.inFlight = false;
    await this.flush();
  }
}

/** Sends the plan's taps through the connected clients as they fall due and waits for every ack. */
export async function runRush(rushAgents: readonly RushAgent[], plan: RushPlan): Promise<RushResult> {
  const result: RushResult = {
    sent: 0,
    accepted: 0,
    duplicates: 0,
    batches: 0,
    seconds: 0,
    batchMs: [],
    tapMs: [],
    lagMs: [],
    decisionMs: [],
    reasons: new Map(),
  };
  const offsets = planTaps(plan, rushAgents.length);
  const agents = rushAgents.map((agent, i) => new RushingAgent(agent, `${plan.name}-a${i + 1}`, result));
  const started = performance.now();
  await Promise.all(
    agents.map(async (agent, i) => {
      for (const [n, offset] of (offsets[i] ?? []).entries()) {
        const plannedAt = started + offset;
        const wait = plannedAt - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        agent.tap(n + 1, plannedAt);
      }
      await agent.whenDrained();
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
