import {
  agentCommandInputSchema,
  agentCommandResultSchema,
  agentListSchema,
  agentRegistrationResultSchema,
  agentRegistrationSchema,
  agentSchema,
  agentSocketPath,
  approveAgentSchema,
  doorStateListSchema,
  enrolmentIdParamsSchema,
  idParamsSchema,
  stationEnrolmentInputSchema,
  stationEnrolmentSchema,
} from "@tobira/protocol";
import { AddressThrottle } from "../auth/address-throttle";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { type Api, signedInUser } from "../http/api";
import type { AgentHub } from "./agent-hub";
import { approveAgent, revokeAgent } from "./decide-agent";
import { presentAgents } from "./present-agents";
import { registerAgent } from "./register-agent";
import { sendAgentCommand } from "./send-agent-command";
import { createStationEnrolments } from "./station-enrolments";

/** What each door's agent last reported; to move into the protocol package beside doorStateSchema. */

const tags = ["agents"];
const registrationWindowMs = 60 * 60_000;

/** Reader agents: registration, the administrator's approval, commands, station enrolment, the socket. */
export function registerAgentRoutes(api: Api, deps: Deps, hub: AgentHub): void {
  const throttle = new AddressThrottle(deps.config.agentRegistrationsPerAddress, registrationWindowMs);
  const enrolments = createStationEnrolments(deps, hub, api.log);

  async function presentAgent(id: number) {
    const agent = (await presentAgents(deps, hub.isConnected)).items.find((item) => item.id === id);
    if (!agent) throw notFound("The agent");
    return agent;
  }

  // The socket authenticates by the agent's key itself, in its first messages. A plain GET (no
  // upgrade) is answered with an error, so the route can still be documented.
  api.route({
    method: "GET",
    url: agentSocketPath,
    config: { access: "public" },
    schema: {
      tags,
      description: "The reader agents' WebSocket (see agent.ts in the protocol package); upgrade required.",
    },
    handler: async () => {
      throw new AppError("validation_failed", "Connect to this address with a WebSocket upgrade.");
    },
    wsHandler: (socket) => hub.accept(socket),
  });

  api.post(
    "/api/agents/registrations",
    {
      config: { access: "public" },
      schema: { tags, body: agentRegistrationSchema, response: { 200: agentRegistrationResultSchema } },
    },
    async (request) => {
      const waitMs = throttle.hit(request.ip, deps.clock.now().getTime());
      if (waitMs > 0)
        throw new AppError(
          "too_many_requests",
          `Too many agent registrations from this address; try again in ${Math.ceil(waitMs / 60_000)} minutes.`,
        );
      return registerAgent(deps, request.body);
    },
  );

  api.get(
    "/api/agents",
    { config: { access: "access.read" }, schema: { tags, response: { 200: agentListSchema } } },
    async () => presentAgents(deps, hub.isConnected),
  );

  api.post(
    "/api/agents/:id/approve",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, body: approveAgentSchema, response: { 200: agentSchema } },
    },
    async (request) => {
      const agent = await approveAgent(deps, signedInUser(request).loginId, request.params.id, request.body);
      return presentAgent(agent.id);
    },
  );

  api.post(
    "/api/agents/:id/revoke",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: agentSchema } },
    },
    async (request) => {
      const agent = await revokeAgent(deps, signedInUser(request).loginId, request.params.id);
      hub.disconnect(agent.id, "revoked");
      return presentAgent(agent.id);
    },
  );

  api.post(
    "/api/agents/:id/commands",
    {
      config: { access: "access.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: agentCommandInputSchema,
        response: { 200: agentCommandResultSchema },
      },
    },
    async (request) =>
      sendAgentCommand(deps, hub, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.post(
    "/api/agents/:id/enrolments",
    {
      config: { access: "access.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: stationEnrolmentInputSchema,
        response: { 201: stationEnrolmentSchema },
      },
    },
    async (request, reply) => {
      const enrolment = await enrolments.start(
        signedInUser(request).loginId,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(enrolment);
    },
  );

  api.get(
    "/api/agents/enrolments/:enrolmentId",
    {
      config: { access: "access.manage" },
      schema: { tags, params: enrolmentIdParamsSchema, response: { 200: stationEnrolmentSchema } },
    },
    async (request) => enrolments.find(request.params.enrolmentId),
  );

  api.get(
    "/api/access/door-states",
    {
      config: { access: "access.read" },
      schema: { tags: ["access"], response: { 200: doorStateListSchema } },
    },
    async () => ({ items: hub.doorStates() }),
  );
}
