import { vi } from "vitest";
import type { z } from "zod";
import { okJson } from "../../../server/test/access-api";
import { agentConfigSchema } from "../../src/config";
import type { DoorRole } from "../../src/door-role";
import { type AgentHandle, type StartAgentOptions, startAgent } from "../../src/start-agent";
import type { LinkTiming } from "../../src/sync/websocket-link";
import { createMemoryLog, type LoggedLine } from "../memory-log";
import type { E2eServer } from "./e2e-server";

/** Short waits so reconnects and approval happen within a test's time, not a door's. */
export const quickLink: Partial<LinkTiming> = {
  reconnectBaseMs: 20,
  reconnectCapMs: 200,
  pendingRetryMinMs: 100,
  pendingRetryMaxMs: 200,
  deliveryRetryMs: 200,
  ackTimeoutMs: 5_000,
  connectTimeoutMs: 2_000,
};

export interface E2eAgent {
  handle: AgentHandle;
  door: DoorRole;
  /** What the agent logged, shown when a wait fails. */
  lines: LoggedLine[];
  close(): Promise<void>;
}

export async function startDoorAgent(
  config: Omit<z.input<typeof agentConfigSchema>, "role">,
  options: StartAgentOptions,
): Promise<E2eAgent> {
  const log = createMemoryLog();
  const handle = await startAgent(agentConfigSchema.parse({ ...config, role: "door" }), {
    log,
    kiosk: null,
    linkTiming: quickLink,
    ...options,
  });
  const { role } = handle;
  if (role.kind !== "door") {
    await handle.close();
    throw new Error(`a door agent started as ${role.kind}`);
  }
  return { handle, door: role.handle, lines: log.lines, close: () => handle.close() };
}

/**
 * Approves the agent for the reader as the administrator does, by its fingerprint in the list, and
 * waits until it is connected with its first verified snapshot and its door.
 */
export async function approveDoorAgent(server: E2eServer, agent: E2eAgent, readerId: number): Promise<void> {
  const agentId = await vi.waitFor(
    async () => {
      const list = okJson(await server.security("GET", "/api/agents"));
      const items: { id: number; fingerprint: string }[] = list.items;
      const found = items.find((item) => item.fingerprint === agent.handle.fingerprint);
      if (found === undefined) throw new Error(`agent ${agent.handle.fingerprint} has not registered yet`);
      return found.id;
    },
    { timeout: 10_000, interval: 50 },
  );
  okJson(await server.security("POST", `/api/agents/${agentId}/approve`, { readerId }));
  await vi.waitFor(
    () => {
      const { handle } = agent;
      if (!handle.link.isConnected() || handle.policy.current() === null || handle.link.assignment() === null)
        throw new Error(`the agent is not connected with a policy yet:\n${describeLog(agent.lines)}`);
    },
    { timeout: 10_000, interval: 50 },
  );
}

export function describeLog(lines: readonly LoggedLine[]): string {
  return lines.map((line) => `${line.level}: ${line.message}`).join("\n");
}
