import {
  idParamsSchema,
  idSchema,
  okSchema,
  patternAssignmentInputSchema,
  patternAssignmentListSchema,
  patternAssignmentSchema,
} from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { listPatternAssignments } from "./pattern-assignment-repository";
import { assignPattern, removePatternAssignment } from "./pattern-assignment-use-cases";

const tags = ["attendance"];
const assignmentQuerySchema = z.object({ staffId: idSchema.optional() });

export function registerPatternAssignmentRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/attendance/pattern-assignments",
    {
      config: { access: "attendanceRules.read" },
      schema: { tags, querystring: assignmentQuerySchema, response: { 200: patternAssignmentListSchema } },
    },
    async (request) => {
      const { staffId } = request.query;
      return { items: await listPatternAssignments(deps.db, staffId === undefined ? {} : { staffId }) };
    },
  );

  api.post(
    "/api/attendance/pattern-assignments",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, body: patternAssignmentInputSchema, response: { 200: patternAssignmentSchema } },
    },
    async (request) => assignPattern(deps, signedInUser(request).loginId, request.body),
  );

  api.delete(
    "/api/attendance/pattern-assignments/:id",
    {
      config: { access: "attendanceRules.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removePatternAssignment(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
