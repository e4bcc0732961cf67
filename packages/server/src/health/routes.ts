import { healthSchema } from "@tobira/protocol";
import { sql } from "kysely";
import type { Deps } from "../deps";
import type { Api } from "../http/api";

export function registerHealthRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: { tags: ["system"], response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_request, reply) => {
      const reachable = await sql`select 1`
        .execute(deps.db)
        .then(() => true)
        .catch(() => false);
      return reply.status(reachable ? 200 : 503).send({
        status: reachable ? "ok" : "degraded",
        database: deps.dialect,
        databaseReachable: reachable,
        version: "0.1.0",
      });
    },
  );
}
