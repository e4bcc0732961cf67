import { auditListQuerySchema, auditListSchema, auditVerifyResultSchema } from "@tobira/protocol";
import type { Deps } from "../deps";
import type { Api } from "../http/api";
import { listAudit, verifyAuditLog } from "./audit-repository";

export function registerAuditRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/audit",
    {
      config: { access: "audit.read" },
      schema: { tags: ["audit"], querystring: auditListQuerySchema, response: { 200: auditListSchema } },
    },
    async (request) => ({ items: await listAudit(deps.db, request.query) }),
  );

  api.post(
    "/api/audit/verify",
    {
      config: { access: "audit.read" },
      schema: { tags: ["audit"], response: { 200: auditVerifyResultSchema } },
    },
    async () => {
      const result = await verifyAuditLog(deps.db);
      return result.ok
        ? {
            ok: true,
            count: result.count,
            brokenAt: null,
            message: `All ${result.count} entries are intact.`,
          }
        : { ok: false, count: result.count, brokenAt: result.brokenAt, message: result.message };
    },
  );
}
