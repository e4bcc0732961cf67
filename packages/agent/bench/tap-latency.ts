import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type AccessSnapshot, decide, type SnapshotIndex } from "@tobira/core";
import { systemClock } from "../src/clock";
import type { DemoCard } from "../src/demo/demo-cards";
import { openSqliteOutbox } from "../src/outbox/sqlite-outbox";
import { findPercentile, printFigure, printLatencies, sortSamples } from "./figures";
import { openTappedCards, startOfflineDoorAgent } from "./offline-door-agent";
import { benchDoorId, prepareAgentDataDir, tappedCards } from "./town-policy";

const warmUpTaps = 20;
const taps = 300;
const decideCalls = 20_000;

/** decide() alone, over the agent's own index, for the same card at the same door. */
function measureBareDecide(index: SnapshotIndex, credentialKey: string): number[] {
  const samples: number[] = [];
  for (let i = 0; i < decideCalls; i++) {
    const start = performance.now();
    const decision = decide(
      index,
      { credentialKey, assurance: "tap" },
      String(benchDoorId),
      new Date().toISOString(),
    );
    samples.push(performance.now() - start);
    if (!decision.granted) throw new Error(`decide() refused the bench card: ${decision.reason}`);
  }
  return samples;
}

/** A durable outbox append alone (SQLite, synchronous=FULL), the same event a tap records. */
function measureBareAppend(dataDir: string, credentialKey: string): number[] {
  mkdirSync(dataDir, { recursive: true });
  const outbox = openSqliteOutbox(dataDir, systemClock);
  try {
    const samples: number[] = [];
    for (let i = 0; i < taps; i++) {
      const start = performance.now();
      outbox.append({
        occurredAt: new Date().toISOString(),
        kind: "decision",
        granted: true,
        reason: "granted",
        credentialKey,
        holderId: "staff:0",
        assurance: "tap",
      });
      samples.push(performance.now() - start);
    }
    return samples;
  } finally {
    outbox.close();
  }
}

/**
 * Tap-to-decision at a whole door agent holding the town snapshot: for each kind of card, from the card's
 * arrival to the decision being durable in the outbox, beside decide() and a durable append alone.
 */
export async function benchTapToDecision(
  workDir: string,
  cards: readonly DemoCard[],
  snapshot: AccessSnapshot,
): Promise<void> {
  const dataDir = join(workDir, "tap-agent");
  prepareAgentDataDir(dataDir, snapshot);
  const agent = await startOfflineDoorAgent(dataDir);
  try {
    const measured: { label: string; samples: number[] }[] = [];
    for (const tapped of await openTappedCards(cards)) {
      const samples: number[] = [];
      for (let i = 0; i < warmUpTaps + taps; i++) {
        const outcome = await agent.tap(tapped.card, tapped.pin);
        if (!outcome.granted) throw new Error(`${tapped.label} was refused: ${outcome.message}`);
        if (i >= warmUpTaps) samples.push(outcome.decidedInMs);
      }
      measured.push({ label: tapped.label, samples });
    }
    const current = agent.handle.policy.current();
    if (current === null) throw new Error("the agent lost its policy");
    const uid = cards.find((card) => card.name === tappedCards[0].name);
    if (uid === undefined) throw new Error("no UID demo card");
    const decideSamples = measureBareDecide(current.index, uid.credentialKey);
    const appendSamples = measureBareAppend(join(workDir, "bare-outbox"), uid.credentialKey);

    const appendP50 = findPercentile(sortSamples(appendSamples), 50);
    for (const { label, samples } of measured) {
      printLatencies(`tap→decision: ${label}`, samples);
      printFigure(
        `tap→decision: ${label}: p50 ÷ append p50`,
        findPercentile(sortSamples(samples), 50) / appendP50,
        "×",
      );
    }
    printLatencies(`baseline: decide() alone (same index, ${decideCalls} calls)`, decideSamples);
    printLatencies(`baseline: durable outbox append alone (${taps} appends)`, appendSamples);
  } finally {
    await agent.close();
  }
}
