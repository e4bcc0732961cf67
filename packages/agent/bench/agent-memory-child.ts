// Runs alone in its own process (started by agent-memory.ts): one whole door agent holding the town
// snapshot, tapped 5,000 times, with the process's memory read before the agent starts and after.
import { readFileSync } from "node:fs";
import { prepareDemoCards } from "../src/demo/demo-cards";
import type { MemoryReading, MemoryReport } from "./memory-report";
import { openTappedCards, startOfflineDoorAgent } from "./offline-door-agent";

function readStatusMiB(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status);
  if (match?.[1] === undefined) throw new Error(`no ${field} in /proc/self/status`);
  return Number(match[1]) / 1024;
}

function readMemory(): MemoryReading {
  globalThis.gc?.();
  const status = readFileSync("/proc/self/status", "utf8");
  const usage = process.memoryUsage();
  return {
    heapUsedMiB: usage.heapUsed / 1024 / 1024,
    externalMiB: usage.external / 1024 / 1024,
    rssMiB: readStatusMiB(status, "VmRSS"),
    peakRssMiB: readStatusMiB(status, "VmHWM"),
  };
}

const [dataDir, cardsDir, tapsText] = process.argv.slice(2);
if (dataDir === undefined || cardsDir === undefined || tapsText === undefined)
  throw new Error("usage: agent-memory-child.ts DATA_DIR CARDS_DIR TAPS");
const taps = Number(tapsText);
const cards = await prepareDemoCards(cardsDir, new Date());
const tapped = await openTappedCards(cards);

const beforeAgent = readMemory();
const agent = await startOfflineDoorAgent(dataDir);
const agentStarted = readMemory();
for (let i = 0; i < taps; i++) {
  const next = tapped[i % tapped.length];
  if (next === undefined) throw new Error("no cards to tap");
  const outcome = await agent.tap(next.card, next.pin);
  if (!outcome.granted) throw new Error(`tap ${i} (${next.label}) was refused: ${outcome.message}`);
}
const afterTaps = readMemory();
await agent.close();
const report: MemoryReport = { taps, beforeAgent, agentStarted, afterTaps };
process.stdout.write(`${JSON.stringify(report)}\n`);
