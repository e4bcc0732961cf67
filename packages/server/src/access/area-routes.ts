import { areaInputSchema, areaSchema, idParamsSchema, okSchema } from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listAreas } from "./area-repository";
import { createArea, editArea, removeArea } from "./area-use-cases";

const tags = ["access"];

export function registerAreaRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/areas",
    {
      config: { access: "access.read" },
      schema: { tags, response: { 200: z.object({ items: z.array(areaSchema) }) } },
    },
    async () => ({ items: await listAreas(deps.db) }),
  );

  api.post(
    "/api/access/areas",
    {
      config: { access: "access.manage" },
      schema: { tags, body: areaInputSchema, response: { 200: areaSchema } },
    },
    async (request) => createArea(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/access/areas/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, body: areaInputSchema, response: { 200: areaSchema } },
    },
    async (request) => editArea(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/access/areas/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeArea(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
