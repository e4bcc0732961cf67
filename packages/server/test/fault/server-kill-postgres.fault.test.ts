import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cleanUp } from "./fault-cleanups";
import { killCycles, runServerKillCycles } from "./server-kill";
import { removeServerBundle } from "./server-process";

afterEach(cleanUp);
afterAll(removeServerBundle);

describe("the server killed with SIGKILL under load [postgres]", () => {
  it(`${killCycles} kills at random moments: stores every event its agents saw acknowledged exactly once, and delivers the rest after the last restart`, async () => {
    const run = await runServerKillCycles("postgres");
    expect(run.duplicated, "stored twice").toEqual([]);
    expect(run.acknowledgedButNotStored, "acknowledged to an agent but not stored").toEqual([]);
    expect(run.decidedButNotStored, "decided by an agent but never stored").toEqual([]);
    expect(run.agentsMiscounted, "agents with another number of stored events than decided").toEqual([]);
    expect(run.agentsWithGaps, "agents whose sequence numbers have a gap").toEqual([]);
    expect(run.stored).toBe(run.decided);
  }, 900_000);
});
