import { atQuerySchema, idParamsSchema, whereCanGoSchema, whoCanEnterSchema } from "@tobira/protocol";
import type { Deps } from "../deps";
import type { Api } from "../http/api";
import { findWhereCanGo } from "./where-can-go";
import { findWhoCanEnter } from "./who-can-enter";

const tags = ["access"];

export function registerQuestionRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/doors/:id/who-can-enter",
    {
      config: { access: "access.read" },
      schema: {
        tags,
        params: idParamsSchema,
        querystring: atQuerySchema,
        response: { 200: whoCanEnterSchema },
      },
    },
    async (request) => findWhoCanEnter(deps, request.params.id, request.query.at),
  );

  api.get(
    "/api/access/staff/:id/where",
    {
      config: { access: "access.read" },
      schema: {
        tags,
        params: idParamsSchema,
        querystring: atQuerySchema,
        response: { 200: whereCanGoSchema },
      },
    },
    async (request) => findWhereCanGo(deps, request.params.id, request.query.at),
  );
}
