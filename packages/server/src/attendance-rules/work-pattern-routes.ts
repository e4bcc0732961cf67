import {
  idParamsSchema,
  okSchema,
  workPatternInputSchema,
  workPatternListSchema,
  workPatternSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listWorkPatterns } from "./work-pattern-repository";
import { createWorkPattern, editWorkPattern, removeWorkPattern } from "./work-pattern-use-cases";

const tags = ["attendance"];

export function registerWorkPatternRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/attendance/patterns",
    {
      config: { access: "attendanceRules.read" },
      schema: { tags, response: { 200: workPatternListSchema } },
    },
    async () => ({ items: await listWorkPatterns(deps.db) }),
  );

  api.post(
    "/api/attendance/patterns",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, body: workPatternInputSchema, response: { 200: workPatternSchema } },
    },
    async (request) => createWorkPattern(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/attendance/patterns/:id",
    {
      config: { access: "attendanceRules.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: workPatternInputSchema,
        response: { 200: workPatternSchema },
      },
    },
    async (request) => editWorkPattern(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/attendance/patterns/:id",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeWorkPattern(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
