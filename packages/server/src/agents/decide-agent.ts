import type { ApproveAgentInput } from "@tobira/protocol";
import { conflictingField, invalidField } from "../access/field-errors";
import { findReader } from "../access/reader-repository";
import { appendAudit } from "../audit/audit-repository";
import { notifyPolicyChanged } from "../cluster/policy-changes";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { type AgentRecord, decideAgent, findAgent, findApprovedAgentOfReader } from "./agent-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

/** An administrator lets a pending agent in, as the agent of one reader of its own kind. */
export async function approveAgent(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: ApproveAgentInput,
): Promise<AgentRecord> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const agent = await findAgent(trx, id);
    if (!agent) throw notFound("The agent");
    if (agent.status !== "pending")
      throw new AppError(
        "conflict",
        `Agent ${agent.name} is ${agent.status}; only a pending agent can be approved.`,
      );
    const reader = await findReader(trx, input.readerId);
    if (!reader) throw invalidField("readerId", "is not an existing reader");
    if (reader.kind !== agent.role)
      throw invalidField(
        "readerId",
        `is a reader of kind ${reader.kind}, but the agent's role is ${agent.role}`,
      );
    const other = await findApprovedAgentOfReader(trx, reader.id, agent.id);
    if (other)
      throw conflictingField("readerId", `already has the approved agent ${other.name} (${other.id})`);
    const approved = await decideAgent(trx, id, {
      status: "approved",
      readerId: reader.id,
      decidedBy: actor,
      decidedAt: now.toISOString(),
    });
    await appendAudit(
      trx,
      {
        actor,
        action: "agent.approved",
        targetType: "agent",
        targetId: id,
        details: { name: agent.name, role: agent.role, fingerprint: agent.fingerprint, readerId: reader.id },
      },
      now,
    );
    return approved;
  });
}

/** Shuts an agent out for good (a pending one is refused); its key can never connect again. */
export async function revokeAgent(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
): Promise<AgentRecord> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const agent = await findAgent(trx, id);
    if (!agent) throw notFound("The agent");
    if (agent.status === "revoked") throw new AppError("conflict", `Agent ${agent.name} is already revoked.`);
    const revoked = await decideAgent(trx, id, {
      status: "revoked",
      readerId: agent.readerId,
      decidedBy: actor,
      decidedAt: now.toISOString(),
    });
    // Other instances drop the agent's socket on the announcement rather than at their next check.
    await notifyPolicyChanged(trx);
    await appendAudit(
      trx,
      {
        actor,
        action: "agent.revoked",
        targetType: "agent",
        targetId: id,
        details: { name: agent.name, before: agent.status, readerId: agent.readerId },
      },
      now,
    );
    return revoked;
  });
}
