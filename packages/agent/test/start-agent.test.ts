import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runAgentCli } from "../src/cli";
import { agentConfigSchema } from "../src/config";
import { loadOrCreateAgentKey } from "../src/identity/agent-key";
import { type AgentHandle, startAgent } from "../src/start-agent";
import { createVirtualReaders } from "../src/tap/virtual-readers";
import { type FakeAgentServer, startFakeAgentServer } from "./fake-agent-server";
import { createMemoryLog } from "./memory-log";
import { buildOfficeSnapshot, createTestServerKey, signSnapshotDto } from "./signed-policy";

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function makeTempDir(): string {
  const directory = mkdtempSync(join(tmpdir(), "tobira-agent-"));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

async function startServer(): Promise<{
  server: FakeAgentServer;
  snapshotKey: ReturnType<typeof createTestServerKey>;
}> {
  const snapshotKey = createTestServerKey();
  const server = await startFakeAgentServer({ snapshotKey });
  cleanups.push(() => server.close());
  return { server, snapshotKey };
}

const fastLink = { reconnectBaseMs: 20, reconnectCapMs: 100 };

async function startDoorAgent(server: string, dataDir: string): Promise<AgentHandle> {
  const config = agentConfigSchema.parse({ server, role: "door", dataDir, reader: { kind: "virtual" } });
  const agent = await startAgent(config, {
    log: createMemoryLog(),
    readers: createVirtualReaders(["Virtual Reader 0"]),
    linkTiming: fastLink,
  });
  cleanups.push(() => agent.close());
  return agent;
}

describe("startAgent", () => {
  it("wires identity, outbox, policy and link, and closes the socket and the outbox on close", async () => {
    const { server, snapshotKey } = await startServer();
    const dataDir = makeTempDir();
    const agent = await startDoorAgent(server.url, dataDir);

    expect(agent.fingerprint).toBe(loadOrCreateAgentKey(dataDir).fingerprint);
    await server.waitFor(() => agent.link.isConnected());
    expect(agent.role.kind).toBe("door");

    server.sendToAgents({ type: "snapshot", snapshot: signSnapshotDto(buildOfficeSnapshot(3), snapshotKey) });
    await server.waitFor(() => agent.policy.current()?.version === 3);

    expect(server.openSockets()).toBe(1);
    await agent.close();
    expect(agent.link.isConnected()).toBe(false);
    expect(() => agent.outbox.length()).toThrow();
    await server.waitFor(() => server.openSockets() === 0);
  });

  const kioskRoles: ("attendance" | "enrolment")[] = ["attendance", "enrolment"];
  it.each(kioskRoles)("starts an %s agent with its kiosk page and closes the page again", async (role) => {
    const { server } = await startServer();
    const config = agentConfigSchema.parse({
      server: server.url,
      role,
      dataDir: makeTempDir(),
      reader: { kind: "virtual" },
      kiosk: { port: 0 },
    });
    const agent = await startAgent(config, {
      log: createMemoryLog(),
      readers: createVirtualReaders(["Virtual Reader 0"]),
      linkTiming: fastLink,
    });
    cleanups.push(() => agent.close());
    const url = agent.kiosk?.url ?? "";

    expect(agent.role.kind).toBe(role);
    expect(agent.hardware).toBeNull();
    expect((await fetch(url)).ok).toBe(true);
    await agent.close();
    await expect(fetch(url)).rejects.toThrow();
  });

  it("keeps the last good snapshot and the assignment across a restart while the server is away", async () => {
    const { server, snapshotKey } = await startServer();
    const dataDir = makeTempDir();
    const first = await startDoorAgent(server.url, dataDir);
    await server.waitFor(() => first.link.isConnected());
    server.sendToAgents({ type: "snapshot", snapshot: signSnapshotDto(buildOfficeSnapshot(3), snapshotKey) });
    await server.waitFor(() => first.policy.current()?.version === 3);
    await first.close();
    await server.close();

    const again = await startDoorAgent(server.url, dataDir);
    expect(again.link.isConnected()).toBe(false);
    expect(again.policy.current()?.version).toBe(3);
    expect(again.link.assignment()).toEqual({ agentId: 1, readerId: 10, doorId: 20, role: "door" });
  });
});

function captureIo(stop: Promise<string> = new Promise(() => {})) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
      waitForStop: () => stop,
    },
  };
}

describe("runAgentCli", () => {
  it("asks for --config and exits 2 without one", async () => {
    const { io, err } = captureIo();
    expect(await runAgentCli([], io)).toBe(2);
    expect(err.join("\n")).toContain("--config FILE is required");
  });

  it("names the wrong field of a bad configuration and exits 2", async () => {
    const file = join(makeTempDir(), "agent.json");
    writeFileSync(file, JSON.stringify({ server: "ftp://example", role: "door", dataDir: "data" }));
    const { io, err } = captureIo();

    expect(await runAgentCli(["--config", file], io)).toBe(2);
    expect(err.join("\n")).toMatch(/server: must be an http\(s\) URL/);
  });

  it("exits 2 for a configuration file that does not exist", async () => {
    const { io, err } = captureIo();
    expect(await runAgentCli(["--config", join(makeTempDir(), "missing.json")], io)).toBe(2);
    expect(err.join("\n")).toContain("missing.json");
  });

  it("prints the fingerprint of the key in the data directory, making the key on first use", async () => {
    const directory = makeTempDir();
    const file = join(directory, "agent.json");
    writeFileSync(file, JSON.stringify({ server: "http://127.0.0.1:1", role: "door", dataDir: "data" }));
    const { io, out } = captureIo();

    expect(await runAgentCli(["--config", file, "--print-fingerprint"], io)).toBe(0);
    expect(out).toEqual([loadOrCreateAgentKey(join(directory, "data")).fingerprint]);
  });

  it("runs the agent until told to stop, then closes cleanly and exits 0", async () => {
    const { server } = await startServer();
    const directory = makeTempDir();
    const file = join(directory, "agent.json");
    writeFileSync(
      file,
      JSON.stringify({
        server: server.url,
        role: "door",
        dataDir: "data",
        reader: { kind: "virtual" },
        logLevel: "silent",
      }),
    );
    let stop: (signal: string) => void = () => {};
    const { io, err } = captureIo(new Promise((resolve) => (stop = resolve)));

    const exit = runAgentCli(["--config", file], {
      ...io,
      startOptions: { readers: createVirtualReaders(["Virtual Reader 0"]), linkTiming: fastLink },
    });
    await server.waitFor(() => server.received.some((message) => message.type === "hello"));
    stop("SIGTERM");

    expect(await exit).toBe(0);
    expect(err.join("\n")).toContain(loadOrCreateAgentKey(join(directory, "data")).fingerprint);
  });

  it("refuses a virtual reader when nothing brings the cards, exiting 2", async () => {
    const directory = makeTempDir();
    const file = join(directory, "agent.json");
    writeFileSync(
      file,
      JSON.stringify({
        server: "http://127.0.0.1:1",
        role: "door",
        dataDir: "data",
        reader: { kind: "virtual" },
        logLevel: "silent",
      }),
    );
    const { io, err } = captureIo();

    expect(await runAgentCli(["--config", file], io)).toBe(2);
    expect(err.join("\n")).toContain('reader.kind "virtual"');
  });
});
