import {
  idParamsSchema,
  visitorInputSchema,
  visitorListQuerySchema,
  visitorListSchema,
  visitorSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { issueVisitorCard } from "./issue-visitor-card";
import { returnVisitorCard } from "./return-visitor-card";
import { listVisitors } from "./visitor-repository";

/** The visitor book at the holiday entrance, kept by the duty officer (宿日直). */
export function registerVisitorRoutes(api: Api, deps: Deps): void {
  const tags = ["visitors"];

  api.post(
    "/api/visitors",
    {
      config: { access: "visitor.issue" },
      schema: { tags, body: visitorInputSchema, response: { 200: visitorSchema } },
    },
    async (request) => issueVisitorCard(deps, signedInUser(request).loginId, request.body),
  );

  api.get(
    "/api/visitors",
    {
      config: { access: "visitor.issue" },
      schema: { tags, querystring: visitorListQuerySchema, response: { 200: visitorListSchema } },
    },
    async (request) => ({ items: await listVisitors(deps.db, request.query) }),
  );

  api.post(
    "/api/visitors/:id/return",
    {
      config: { access: "visitor.issue" },
      schema: { tags, params: idParamsSchema, response: { 200: visitorSchema } },
    },
    async (request) => returnVisitorCard(deps, signedInUser(request).loginId, request.params.id),
  );
}
