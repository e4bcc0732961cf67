import {
  grantApprovalSchema,
  grantDenialSchema,
  grantInputSchema,
  grantListQuerySchema,
  grantSchema,
  idParamsSchema,
} from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listGrants } from "./grant-repository";
import { approveGrant, denyGrant, requestGrant } from "./grant-use-cases";

const tags = ["access"];
const grantListSchema = z.object({ items: z.array(grantSchema) });

export function registerGrantRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/grants",
    {
      config: { access: "access.read" },
      schema: { tags, querystring: grantListQuerySchema, response: { 200: grantListSchema } },
    },
    async (request) => {
      const now = deps.clock.now();
      return { items: await listGrants(deps.db, { state: request.query.state }, now) };
    },
  );

  // The approver's inbox: approvers (課長) decide grants without seeing the rest of the access setup.
  api.get(
    "/api/access/grants/pending",
    {
      config: { access: "access.approveGrant" },
      schema: { tags, response: { 200: grantListSchema } },
    },
    async () => {
      const now = deps.clock.now();
      return { items: await listGrants(deps.db, { state: "pending", endingAfter: now }, now) };
    },
  );

  api.post(
    "/api/access/grants",
    {
      config: { access: "access.manage" },
      schema: { tags, body: grantInputSchema, response: { 200: grantSchema } },
    },
    async (request) => requestGrant(deps, signedInUser(request).loginId, request.body),
  );

  api.post(
    "/api/access/grants/:id/approve",
    {
      config: { access: "access.approveGrant" },
      schema: { tags, params: idParamsSchema, body: grantApprovalSchema, response: { 200: grantSchema } },
    },
    async (request) => approveGrant(deps, signedInUser(request), request.params.id, request.body.comment),
  );

  api.post(
    "/api/access/grants/:id/deny",
    {
      config: { access: "access.approveGrant" },
      schema: { tags, params: idParamsSchema, body: grantDenialSchema, response: { 200: grantSchema } },
    },
    async (request) =>
      denyGrant(deps, signedInUser(request).loginId, request.params.id, request.body.comment),
  );
}
