import { idParamsSchema, okSchema, readerInputSchema, readerSchema } from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listReaders } from "./reader-repository";
import { createReader, editReader, removeReader } from "./reader-use-cases";

const tags = ["access"];

export function registerReaderRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/readers",
    {
      config: { access: "access.read" },
      schema: { tags, response: { 200: z.object({ items: z.array(readerSchema) }) } },
    },
    async () => ({ items: await listReaders(deps.db) }),
  );

  api.post(
    "/api/access/readers",
    {
      config: { access: "access.manage" },
      schema: { tags, body: readerInputSchema, response: { 200: readerSchema } },
    },
    async (request) => createReader(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/access/readers/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, body: readerInputSchema, response: { 200: readerSchema } },
    },
    async (request) => editReader(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/access/readers/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeReader(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
