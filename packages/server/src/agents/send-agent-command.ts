import type { AgentCommandInput, AgentCommandResult } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import type { AgentHub } from "./agent-hub";
import { findAgent } from "./agent-repository";

/**
 * Runs a command (momentary unlock, lockdown) on a door agent connected now. A command that cannot be
 * delivered at once fails and says so: nothing is queued to be replayed later at the door.
 */
export async function sendAgentCommand(
  { db, clock }: Pick<Deps, "db" | "clock">,
  hub: Pick<AgentHub, "isConnected" | "sendCommand">,
  actor: string,
  agentId: number,
  input: AgentCommandInput,
): Promise<AgentCommandResult> {
  const agent = await findAgent(db, agentId);
  if (!agent) throw notFound("The agent");
  if (agent.status !== "approved" || agent.role !== "door")
    throw new AppError(
      "conflict",
      `Agent ${agent.name} is not an approved door agent; only those take commands.`,
    );
  if (!hub.isConnected(agent.id))
    throw new AppError("conflict", `Agent ${agent.name} is not connected; commands are never queued.`);
  const seconds = input.seconds ?? null;
  const result = await hub.sendCommand(agent.id, { command: input.command, seconds });
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor,
        action: "agent.commanded",
        targetType: "agent",
        targetId: agent.id,
        details: { command: input.command, seconds, readerId: agent.readerId, ...result },
      },
      clock.now(),
    ),
  );
  return result;
}
