import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { outboxFileName } from "../src/outbox/sqlite-outbox";
import { startFakeAgentServer } from "./fake-agent-server";
import { createTestServerKey } from "./signed-policy";

const script = fileURLToPath(new URL("./outbox-agent-process.ts", import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface AgentProcess {
  child: ChildProcess;
  /** Event ids the process reported as appended (complete lines only). */
  appended: string[];
  exited: Promise<void>;
}

function spawnAgent(dataDir: string, server: string, mode: "append" | "deliver"): AgentProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, server, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const appended: string[] = [];
  let partial = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    appended.push(...lines);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  return { child, appended, exited };
}

function readOutboxIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, outboxFileName), { readonly: true });
  try {
    return db
      .prepare<[], { event_id: string }>("SELECT event_id FROM outbox ORDER BY sequence")
      .all()
      .map((row) => row.event_id);
  } finally {
    db.close();
  }
}

describe("an agent killed with SIGKILL during delivery", () => {
  it("loses and duplicates nothing: after a restart every event on disk arrives once, in sequence order", async () => {
    const server = await startFakeAgentServer({ snapshotKey: createTestServerKey(), ackDelayMs: 100 });
    cleanups.push(() => server.close());
    const dataDir = mkdtempSync(join(tmpdir(), "tobira-crash-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const first = spawnAgent(dataDir, server.url, "append");
    await server.waitFor(() => server.stored.length >= 200, 30_000);
    // From here batches are stored but not acknowledged, so the kill always leaves one in flight.
    server.holdAcks = true;
    const storedAtHold = server.stored.length;
    await server.waitFor(() => server.stored.length > storedAtHold, 30_000);
    first.child.kill("SIGKILL");
    await first.exited;

    const onDisk = readOutboxIds(dataDir);
    // Every append that returned is on disk.
    expect(onDisk).toEqual(expect.arrayContaining(first.appended));

    server.holdAcks = false;
    spawnAgent(dataDir, server.url, "deliver");
    // Everything may be stored already, so also wait for the held batch to come again from the restarted agent.
    await server.waitFor(
      () => server.stored.length === onDisk.length && server.duplicates.length > 0,
      30_000,
    );

    expect(server.stored.map((event) => event.eventId)).toEqual(onDisk);
    // The batch in flight at the kill was stored but never acknowledged: it came again and was recognised.
    expect(server.duplicates.length).toBeGreaterThan(0);
    const sequences = server.stored.map((event) => event.sequence ?? 0);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  }, 60_000);
});
