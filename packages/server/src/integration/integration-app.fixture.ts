import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../deps";
import { buildApp } from "../http/app";
import { registerIntegration } from "./routes";

/** The app with the integration routes and webhook worker, whether or not buildApp registers them itself. */
export async function buildIntegrationApp(deps: Deps): Promise<FastifyInstance> {
  const app = await buildApp(deps);
  if (!app.hasRoute({ method: "GET", url: "/api/integration/tokens" })) {
    registerIntegration(app.withTypeProvider<ZodTypeProvider>(), deps);
  }
  return app;
}
