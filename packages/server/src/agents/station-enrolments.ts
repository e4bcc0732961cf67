import { randomUUID } from "node:crypto";
import type { AgentMessage, StationEnrolment, StationEnrolmentInput } from "@tobira/protocol";
import { invalidField } from "../access/field-errors";
import { enrolCredential } from "../credentials/enrol-credential";
import { issueEnrolmentChallenge } from "../credentials/enrolment-challenge";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import type { AgentHub } from "./agent-hub";
import { findAgent } from "./agent-repository";

const keepForMs = 5 * 60_000;

type EnrolmentResult = Extract<AgentMessage, { type: "enrolment_result" }>;

interface Entry {
  enrolment: StationEnrolment;
  /** The administrator who started it: the challenge is theirs, and so is the enrolment. */
  actor: string;
  staffName: string;
}

export interface StationEnrolments {
  start(actor: string, agentId: number, input: StationEnrolmentInput): Promise<StationEnrolment>;
  find(enrolmentId: string): StationEnrolment;
}

/**
 * Enrolment at a station: the administrator starts it in the web UI, the station reads the next card
 * shown and sends its proof, and the server binds the card. Kept in memory only: an enrolment lives
 * for the five minutes of its challenge, on the instance the station is connected to.
 */
export function createStationEnrolments(
  deps: Pick<Deps, "db" | "clock" | "config">,
  hub: Pick<AgentHub, "isConnected" | "send" | "onEnrolmentResult" | "poke">,
  log: { error(details: object, message: string): void },
): StationEnrolments {
  const entries = new Map<string, Entry>();

  function forgetExpired(): void {
    const now = deps.clock.now().toISOString();
    for (const [id, entry] of entries) if (entry.enrolment.expiresAt < now) entries.delete(id);
  }

  async function finish(agentId: number, result: EnrolmentResult): Promise<void> {
    const entry = entries.get(result.enrolmentId);
    if (!entry || entry.enrolment.agentId !== agentId || entry.enrolment.state !== "waiting") return;
    const outcome = await bindCard(entry, result);
    entry.enrolment = { ...entry.enrolment, ...outcome };
    hub.send(agentId, {
      type: "enrolment_finished",
      enrolmentId: result.enrolmentId,
      ok: outcome.state === "enrolled",
      message: outcome.message ?? `The card is enrolled for ${entry.staffName}.`,
    });
    if (outcome.state === "enrolled") await hub.poke();
  }

  async function bindCard(
    entry: Entry,
    { result }: EnrolmentResult,
  ): Promise<Pick<StationEnrolment, "state" | "message" | "credentialId">> {
    if (!result.ok) return { state: "failed", message: result.message, credentialId: null };
    if (result.card.kind !== entry.enrolment.kind)
      return {
        state: "failed",
        message: `The station read a ${result.card.kind} card, not ${entry.enrolment.kind}.`,
        credentialId: null,
      };
    try {
      const credential = await enrolCredential(deps, entry.actor, {
        ...result.card,
        staffId: entry.enrolment.staffId,
      });
      return { state: "enrolled", message: null, credentialId: credential.id };
    } catch (error) {
      if (error instanceof AppError) return { state: "failed", message: error.message, credentialId: null };
      log.error({ err: error }, "station enrolment failed");
      return { state: "failed", message: "The server could not enrol the card.", credentialId: null };
    }
  }

  hub.onEnrolmentResult((agentId, result) => {
    void finish(agentId, result).catch((error: unknown) =>
      log.error({ err: error }, "station enrolment failed"),
    );
  });

  return {
    async start(actor, agentId, input) {
      forgetExpired();
      const agent = await findAgent(deps.db, agentId);
      if (!agent) throw notFound("The agent");
      if (agent.status !== "approved" || agent.role !== "enrolment")
        throw new AppError("conflict", `Agent ${agent.name} is not an approved enrolment station.`);
      if (!hub.isConnected(agent.id))
        throw new AppError("conflict", `Station ${agent.name} is not connected.`);
      const staff = await deps.db
        .selectFrom("staff")
        .select(["family_name", "given_name"])
        .where("id", "=", input.staffId)
        .executeTakeFirst();
      if (!staff) throw invalidField("staffId", "is not an existing staff member");
      const staffName = `${staff.family_name} ${staff.given_name}`;
      const challenge = await issueEnrolmentChallenge(deps, actor);
      const enrolment: StationEnrolment = {
        enrolmentId: randomUUID(),
        agentId: agent.id,
        staffId: input.staffId,
        kind: input.kind,
        state: "waiting",
        message: null,
        credentialId: null,
        expiresAt: new Date(deps.clock.now().getTime() + keepForMs).toISOString(),
      };
      entries.set(enrolment.enrolmentId, { enrolment, actor, staffName });
      const sent = hub.send(agent.id, {
        type: "enrolment_request",
        enrolmentId: enrolment.enrolmentId,
        kind: input.kind,
        staffName,
        challengeId: challenge.challengeId,
        challenge: challenge.challenge,
        expiresAt: challenge.expiresAt,
      });
      if (!sent) {
        entries.delete(enrolment.enrolmentId);
        throw new AppError("conflict", `Station ${agent.name} is not connected.`);
      }
      return enrolment;
    },
    find(enrolmentId) {
      forgetExpired();
      const entry = entries.get(enrolmentId);
      if (!entry) throw notFound("The enrolment");
      return entry.enrolment;
    },
  };
}
