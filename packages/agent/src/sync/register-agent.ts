import {
  type AgentRegistration,
  type AgentRegistrationResult,
  type AgentRole,
  agentRegistrationMessage,
  agentRegistrationResultSchema,
} from "@tobira/protocol";
import type { AgentKey } from "../identity/agent-key";
import { resolveServerUrl } from "./server-url";

export const agentRegistrationsPath = "/api/agents/registrations";

export interface RegistrationRequest {
  server: string;
  key: AgentKey;
  role: AgentRole;
  name: string;
  softwareVersion: string;
  signal?: AbortSignal;
}

export class RegistrationError extends Error {
  override name = "RegistrationError";
}

/** Asks the server to register this agent's key (signed, so nobody registers a key they lack). */
export async function registerAgent(request: RegistrationRequest): Promise<AgentRegistrationResult> {
  const { key, role, name } = request;
  const signature = key.sign(
    new TextEncoder().encode(agentRegistrationMessage({ publicKey: key.publicKey, role, name })),
  );
  const body: AgentRegistration = {
    publicKey: key.publicKey,
    name,
    role,
    softwareVersion: request.softwareVersion,
    signature: Buffer.from(signature).toString("base64"),
  };
  const response = await fetch(resolveServerUrl(request.server, agentRegistrationsPath), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: request.signal ?? null,
  });
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw new RegistrationError(`the server answered ${response.status}: ${text.slice(0, 200)}`);
  }
  const parsed = agentRegistrationResultSchema.safeParse(await response.json());
  if (!parsed.success) throw new RegistrationError("the server's answer is not a registration result");
  return parsed.data;
}
