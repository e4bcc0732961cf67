import {
  idParamsSchema,
  membershipEndSchema,
  membershipInputSchema,
  membershipListQuerySchema,
  membershipParamsSchema,
  membershipSchema,
} from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { type Api, signedInUser } from "../http/api";
import { findGroup } from "./group-repository";
import { listMemberships } from "./membership-repository";
import { addMembership, endMembership } from "./membership-use-cases";

const tags = ["access"];

export function registerMembershipRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/groups/:id/members",
    {
      config: { access: "access.read" },
      schema: {
        tags,
        params: idParamsSchema,
        querystring: membershipListQuerySchema,
        response: { 200: z.object({ items: z.array(membershipSchema) }) },
      },
    },
    async (request) => {
      if (!(await findGroup(deps.db, request.params.id))) throw notFound("The access group");
      return { items: await listMemberships(deps.db, request.params.id, request.query.asOf) };
    },
  );

  api.post(
    "/api/access/groups/:id/members",
    {
      config: { access: "access.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: membershipInputSchema,
        response: { 200: membershipSchema },
      },
    },
    async (request) => addMembership(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.post(
    "/api/access/groups/:id/members/:membershipId/end",
    {
      config: { access: "access.manage" },
      schema: {
        tags,
        params: membershipParamsSchema,
        body: membershipEndSchema,
        response: { 200: membershipSchema },
      },
    },
    async (request) =>
      endMembership(
        deps,
        signedInUser(request).loginId,
        request.params.id,
        request.params.membershipId,
        request.body,
      ),
  );
}
