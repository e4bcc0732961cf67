import {
  type AgentCommandInput,
  type AgentCommandResult,
  type AgentList,
  agentCommandResultSchema,
  agentListSchema,
  type DoorStateList,
  doorStateListSchema,
  type StationEnrolment,
  type StationEnrolmentInput,
  stationEnrolmentSchema,
} from "@tobira/protocol";
import { type Parser, request } from "./client";

/** 読取装置: the agents beside doors, attendance terminals and enrolment desks. */

/** Approve and revoke answer with the changed agent; the screen reloads the list instead of trusting it. */
const anyBody: Parser<null> = { parse: () => null };

export function listAgents(signal?: AbortSignal): Promise<AgentList> {
  return request("GET", "/api/agents", { parser: agentListSchema, signal });
}

export async function approveAgent(id: number, readerId: number): Promise<void> {
  await request("POST", `/api/agents/${id}/approve`, { parser: anyBody, body: { readerId } });
}

export async function revokeAgent(id: number): Promise<void> {
  await request("POST", `/api/agents/${id}/revoke`, { parser: anyBody, body: {} });
}

/** Sent only while the agent is connected; the server answers 409 rather than queue it. */
export function sendAgentCommand(id: number, body: AgentCommandInput): Promise<AgentCommandResult> {
  return request("POST", `/api/agents/${id}/commands`, { parser: agentCommandResultSchema, body });
}

export function startStationEnrolment(
  agentId: number,
  body: StationEnrolmentInput,
): Promise<StationEnrolment> {
  return request("POST", `/api/agents/${agentId}/enrolments`, { parser: stationEnrolmentSchema, body });
}

export function getStationEnrolment(enrolmentId: string, signal?: AbortSignal): Promise<StationEnrolment> {
  return request("GET", `/api/agents/enrolments/${encodeURIComponent(enrolmentId)}`, {
    parser: stationEnrolmentSchema,
    signal,
  });
}

export function listDoorStates(signal?: AbortSignal): Promise<DoorStateList> {
  return request("GET", "/api/access/door-states", { parser: doorStateListSchema, signal });
}
