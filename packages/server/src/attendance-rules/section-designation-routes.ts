import {
  idParamsSchema,
  okSchema,
  sectionDesignationInputSchema,
  sectionDesignationListSchema,
  sectionDesignationSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listSectionDesignations } from "./section-designation-repository";
import { designateSection, removeSectionDesignation } from "./section-designation-use-cases";

const tags = ["attendance"];

export function registerSectionDesignationRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/attendance/designations",
    {
      config: { access: "attendanceRules.read" },
      schema: { tags, response: { 200: sectionDesignationListSchema } },
    },
    async () => ({ items: await listSectionDesignations(deps.db) }),
  );

  api.post(
    "/api/attendance/designations",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, body: sectionDesignationInputSchema, response: { 200: sectionDesignationSchema } },
    },
    async (request) => designateSection(deps, signedInUser(request).loginId, request.body),
  );

  api.delete(
    "/api/attendance/designations/:id",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeSectionDesignation(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
