import { existsSync } from "node:fs";
import { resolve } from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { registerAccessRoutes } from "../access/routes";
import { registerAccessEventRoutes } from "../access-events/routes";
import { type AgentHub, createAgentHub } from "../agents/agent-hub";
import { registerAgentRoutes } from "../agents/agent-routes";
import { registerAttendanceRoutes } from "../attendance/routes";
import { registerAttendanceRuleRoutes } from "../attendance-rules/routes";
import { registerAuditRoutes } from "../audit/routes";
import { registerAccountRoutes } from "../auth/account-routes";
import { registerAuthRoutes } from "../auth/routes";
import { registerCalendarRoutes } from "../calendar/routes";
import { registerCredentialRoutes } from "../credentials/routes";
import { type DemoDoorPanel, registerDemoPanelRoutes } from "../demo/demo-panel-routes";
import type { Deps } from "../deps";
import { registerHealthRoutes } from "../health/routes";
import { registerIntegration } from "../integration/routes";
import { registerNotificationRoutes } from "../notifications/routes";
import { registerOrgRoutes } from "../org/routes";
import { registerPortalRoutes } from "../portal/routes";
import { registerRequestRoutes } from "../requests/routes";
import { registerStaffImportRoutes } from "../staff-import/routes";
import { registerAccessControl } from "./access";
import type { Api } from "./api";
import { registerErrorHandling } from "./error-handler";
import { securityHeaders } from "./security-headers";

declare module "fastify" {
  interface FastifyInstance {
    /** The reader agents connected to this instance (benchmarks observe propagation through it). */
    agentHub: AgentHub;
  }
}

export interface AppOptions {
  logger?: boolean | { level: string };
  webDir?: string | undefined;
  /** The demo town's virtual door panel (only with `serve --demo`). */
  demoPanel?: DemoDoorPanel;
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 50 * 1024 * 1024,
    // Only the configured proxies may name the client in X-Forwarded-For; without them nobody can.
    trustProxy: deps.config.trustProxy ? [...deps.config.trustProxy] : false,
    genReqId: () => crypto.randomUUID(),
    // The router refuses over-long or badly encoded path segments before any hook runs: answer in the
    // API's error shape, without echoing the URL back.
    frameworkErrors: answerRouterError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(cookie);
  // Agents send event batches and enrolment certificates; nothing they send legitimately comes near this.
  await app.register(websocket, { options: { maxPayload: 4 * 1024 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "Tobira API", version: "0.1.0", description: "扉 Tobira: door access and attendance" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tobira_session" },
          csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
          bearer: { type: "http", scheme: "bearer", description: "API token (tbr_…)" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  // The documentation pages are registered before access control and, like the web app's files, are open.
  app.addHook("onSend", securityHeaders);
  registerAccessControl(app, deps);

  const api = app.withTypeProvider<ZodTypeProvider>();
  registerHealthRoutes(api, deps);
  registerAuthRoutes(api, deps);
  registerAccountRoutes(api, deps);
  registerOrgRoutes(api, deps);
  registerStaffImportRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerCalendarRoutes(api, deps);
  registerCredentialRoutes(api, deps);
  registerAccessRoutes(api, deps);
  registerAccessEventRoutes(api, deps);
  registerAttendanceRuleRoutes(api, deps);
  registerAttendanceRoutes(api, deps);
  registerRequestRoutes(api, deps);
  registerIntegration(api, deps);
  registerNotificationRoutes(api, deps);
  registerPortalRoutes(api, deps);
  registerAgentHub(app, api, deps);
  if (options.demoPanel) registerDemoPanelRoutes(api, deps, options.demoPanel);

  const webDir = options.webDir ? resolve(options.webDir) : undefined;
  if (webDir && existsSync(resolve(webDir, "index.html"))) await serveWebApp(app, webDir);
  return app;
}

function answerRouterError(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  const message =
    error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "A path parameter is too long." : "The URL is not valid.";
  void reply.code(error.statusCode ?? 400).send({ error: { id: "validation_failed", message } });
}

const readOnlyMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function registerAgentHub(app: FastifyInstance, api: Api, deps: Deps): void {
  const hub = createAgentHub(deps, { log: app.log });
  app.decorate("agentHub", hub);
  registerAgentRoutes(api, deps, hub);
  // A change that agents must hear about is pushed as soon as its request succeeds; the hub's own
  // poll catches changes made elsewhere (the CLI, another instance).
  app.addHook("onResponse", async (request, reply) => {
    if (!readOnlyMethods.has(request.method) && reply.statusCode < 400 && request.url.startsWith("/api/"))
      void hub.poke();
  });
  app.addHook("onClose", async () => {
    await hub.close();
  });
}

async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ["index.html"] });
  app.get("/*", { config: { access: "public" }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply
        .status(404)
        .send({ error: { id: "not_found", message: `No route for ${request.method} ${request.url}` } });
    }
    return reply.sendFile("index.html");
  });
}
