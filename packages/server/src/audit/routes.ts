import {
  auditListQuerySchema,
  auditListSchema,
  auditVerifyRequestSchema,
  auditVerifyResultSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import type { Api } from "../http/api";
import { listAudit, verifyAuditLog } from "./audit-repository";
import { presentChainVerification } from "./present-chain-verification";

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
      schema: { tags: ["audit"], body: auditVerifyRequestSchema, response: { 200: auditVerifyResultSchema } },
    },
    async (request) => {
      const result = await verifyAuditLog(deps.db, { expectedHead: request.body?.head });
      return presentChainVerification(result, "entries");
    },
  );
}
