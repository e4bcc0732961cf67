// The reader agent: tap-to-decision per kind of card (software only, in-process virtual cards, a whole
// agent holding a 40,000-staff snapshot) and the memory of one agent alone in its own process. The
// revocation's propagation to 200 agents is measured beside the server (packages/server/bench/agent.bench.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { prepareDemoCards } from "../src/demo/demo-cards";
import { benchAgentMemory } from "./agent-memory";
import { benchTapToDecision } from "./tap-latency";
import { buildTownSnapshot, townStaff } from "./town-policy";

const workDir = mkdtempSync(join(tmpdir(), "tobira-agent-bench-"));
try {
  const cards = await prepareDemoCards(join(workDir, "cards"), new Date());
  const built = performance.now();
  const snapshot = buildTownSnapshot(cards, 1);
  console.log(
    `town snapshot: ${townStaff} staff with one card each (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`,
  );
  console.log("\n### tap → decision durable in the outbox (whole agent, offline, in-process cards)");
  await benchTapToDecision(workDir, cards, snapshot);
  console.log("\n### memory of one door agent alone in its process (after a full GC)");
  benchAgentMemory(workDir, join(workDir, "cards"), snapshot);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
