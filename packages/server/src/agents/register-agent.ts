import {
  type AgentRegistration,
  type AgentRegistrationResult,
  agentRegistrationMessage,
} from "@tobira/protocol";
import { invalidField } from "../access/field-errors";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { groupFingerprint, hashAgentKey } from "./agent-fingerprint";
import { decodeAgentPublicKey, verifyAgentSignature } from "./agent-key";
import { type AgentRecord, findAgentByPublicKey, insertAgent } from "./agent-repository";

function presentRegistration(agent: AgentRecord): AgentRegistrationResult {
  return { agentId: agent.id, status: agent.status, fingerprint: groupFingerprint(agent.fingerprint) };
}

/**
 * An agent asks to be let in: it proves it holds the key by signing its registration, and waits as
 * pending until an administrator approves it. Asking again with a known key answers its current status.
 */
export async function registerAgent(
  { db, clock }: Pick<Deps, "db" | "clock">,
  input: AgentRegistration,
): Promise<AgentRegistrationResult> {
  const key = decodeAgentPublicKey(input.publicKey);
  if (!key) throw invalidField("publicKey", "is not an Ed25519 public key");
  if (!verifyAgentSignature(key.key, agentRegistrationMessage(input), input.signature))
    throw invalidField("signature", "does not verify with publicKey over the registration");
  const publicKey = key.raw.toString("base64");
  const known = await findAgentByPublicKey(db, publicKey);
  if (known) return presentRegistration(known);
  const now = clock.now();
  const agent = await db.transaction().execute(async (trx) => {
    const inserted = await insertAgent(trx, {
      publicKey,
      fingerprint: hashAgentKey(key.raw),
      name: input.name,
      role: input.role,
      softwareVersion: input.softwareVersion,
      requestedAt: now.toISOString(),
    });
    await appendAudit(
      trx,
      {
        actor: null,
        action: "agent.registered",
        targetType: "agent",
        targetId: inserted.id,
        details: {
          name: inserted.name,
          role: inserted.role,
          fingerprint: inserted.fingerprint,
          softwareVersion: input.softwareVersion,
        },
      },
      now,
    );
    return inserted;
  });
  return presentRegistration(agent);
}
