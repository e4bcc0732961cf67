import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AccessSnapshot } from "@tobira/core";
import { printFigure } from "./figures";
import { memoryReportSchema } from "./memory-report";
import { prepareAgentDataDir } from "./town-policy";

const taps = 5_000;
const childScript = fileURLToPath(new URL("./agent-memory-child.ts", import.meta.url));

/**
 * One whole door agent alone in a child process: its heap and RSS (after a full GC) before the agent
 * starts, once it holds the town snapshot, and after 5,000 taps; the first is the baseline.
 */
export function benchAgentMemory(workDir: string, cardsDir: string, snapshot: AccessSnapshot): void {
  const dataDir = join(workDir, "memory-agent");
  prepareAgentDataDir(dataDir, snapshot);
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", childScript, dataDir, cardsDir, String(taps)],
    { encoding: "utf8", env: { ...process.env, TZ: "UTC" }, maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`the agent process failed (${child.status}): ${child.stderr}`);
  const report = memoryReportSchema.parse(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "null"));
  const { beforeAgent, agentStarted, afterTaps } = report;
  printFigure("baseline: process before the agent starts: heap used", beforeAgent.heapUsedMiB, "MiB", 1);
  printFigure("baseline: process before the agent starts: RSS", beforeAgent.rssMiB, "MiB", 1);
  printFigure("agent holding the town snapshot: heap used", agentStarted.heapUsedMiB, "MiB", 1);
  printFigure("agent holding the town snapshot: RSS", agentStarted.rssMiB, "MiB", 1);
  printFigure(`agent after ${report.taps} taps: heap used`, afterTaps.heapUsedMiB, "MiB", 1);
  printFigure(
    `agent after ${report.taps} taps: external (buffers, SQLite, keys)`,
    afterTaps.externalMiB,
    "MiB",
    1,
  );
  printFigure(`agent after ${report.taps} taps: RSS`, afterTaps.rssMiB, "MiB", 1);
  printFigure("agent process: peak RSS (VmHWM)", afterTaps.peakRssMiB, "MiB", 1);
  printFigure(
    "the agent's own heap (after taps − baseline)",
    afterTaps.heapUsedMiB - beforeAgent.heapUsedMiB,
    "MiB",
    1,
  );
  printFigure("the agent's own RSS (after taps − baseline)", afterTaps.rssMiB - beforeAgent.rssMiB, "MiB", 1);
}
