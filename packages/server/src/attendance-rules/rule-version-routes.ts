import {
  idParamsSchema,
  okSchema,
  ruleVersionInputSchema,
  ruleVersionListSchema,
  ruleVersionSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listRuleVersions } from "./rule-version-repository";
import { createRuleVersion, editRuleVersion, removeRuleVersion } from "./rule-version-use-cases";

const tags = ["attendance"];

export function registerRuleVersionRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/attendance/rules",
    {
      config: { access: "attendanceRules.read" },
      schema: { tags, response: { 200: ruleVersionListSchema } },
    },
    async () => ({ items: await listRuleVersions(deps.db) }),
  );

  api.post(
    "/api/attendance/rules",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, body: ruleVersionInputSchema, response: { 200: ruleVersionSchema } },
    },
    async (request) => createRuleVersion(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/attendance/rules/:id",
    {
      config: { access: "attendanceRules.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: ruleVersionInputSchema,
        response: { 200: ruleVersionSchema },
      },
    },
    async (request) => editRuleVersion(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/attendance/rules/:id",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeRuleVersion(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
