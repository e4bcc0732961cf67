import { accessGroupInputSchema, accessGroupSchema, idParamsSchema, okSchema } from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listGroups } from "./group-repository";
import { createGroup, editGroup, removeGroup } from "./group-use-cases";

const tags = ["access"];

export function registerGroupRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/groups",
    {
      config: { access: "access.read" },
      schema: { tags, response: { 200: z.object({ items: z.array(accessGroupSchema) }) } },
    },
    async () => ({ items: await listGroups(deps.db) }),
  );

  api.post(
    "/api/access/groups",
    {
      config: { access: "access.manage" },
      schema: { tags, body: accessGroupInputSchema, response: { 200: accessGroupSchema } },
    },
    async (request) => createGroup(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/access/groups/:id",
    {
      config: { access: "access.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: accessGroupInputSchema,
        response: { 200: accessGroupSchema },
      },
    },
    async (request) => editGroup(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/access/groups/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeGroup(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
