import { doorInputSchema, doorSchema, idParamsSchema, okSchema } from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listDoors } from "./door-repository";
import { createDoor, editDoor, removeDoor } from "./door-use-cases";

const tags = ["access"];

export function registerDoorRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/doors",
    {
      config: { access: "access.read" },
      schema: { tags, response: { 200: z.object({ items: z.array(doorSchema) }) } },
    },
    async () => ({ items: await listDoors(deps.db) }),
  );

  api.post(
    "/api/access/doors",
    {
      config: { access: "access.manage" },
      schema: { tags, body: doorInputSchema, response: { 200: doorSchema } },
    },
    async (request) => createDoor(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/access/doors/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, body: doorInputSchema, response: { 200: doorSchema } },
    },
    async (request) => editDoor(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/access/doors/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeDoor(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
