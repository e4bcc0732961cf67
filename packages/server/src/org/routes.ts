import { toLocalDate } from "@tobira/core";
import {
  type Department,
  departmentInputSchema,
  departmentSchema,
  idParamsSchema,
  localDateSchema,
  positionInputSchema,
  positionSchema,
  staffDetailSchema,
  staffInputSchema,
  staffListQuerySchema,
  staffListSchema,
  staffUpdateSchema,
  transferInputSchema,
} from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { type Api, signedInUser } from "../http/api";
import { listDepartments } from "./department-repository";
import { createDepartment, editDepartment } from "./department-use-cases";
import { listPositions } from "./position-repository";
import { createPosition } from "./position-use-cases";
import { findStaffDetail, searchStaff } from "./staff-repository";
import { createStaff, transferStaff, updateStaff } from "./staff-use-cases";

export function registerOrgRoutes(api: Api, deps: Deps): void {
  const today = () => toLocalDate(deps.clock.now());

  api.get(
    "/api/departments",
    {
      config: { access: "directory.read" },
      schema: {
        tags: ["organisation"],
        querystring: z.object({ asOf: localDateSchema.optional() }),
        response: { 200: z.object({ items: z.array(departmentSchema) }) },
      },
    },
    async (request) => ({ items: await listDepartments(deps.db, request.query.asOf ?? today()) }),
  );

  api.post(
    "/api/departments",
    {
      config: { access: "org.manage" },
      schema: { tags: ["organisation"], body: departmentInputSchema, response: { 200: departmentSchema } },
    },
    async (request) => createDepartment(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/departments/:id",
    {
      config: { access: "org.manage" },
      schema: {
        tags: ["organisation"],
        params: idParamsSchema,
        body: departmentInputSchema,
        response: { 200: departmentSchema },
      },
    },
    async (request) => editDepartment(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.get(
    "/api/positions",
    {
      config: { access: "directory.read" },
      schema: { tags: ["organisation"], response: { 200: z.object({ items: z.array(positionSchema) }) } },
    },
    async () => ({ items: await listPositions(deps.db) }),
  );

  api.post(
    "/api/positions",
    {
      config: { access: "org.manage" },
      schema: { tags: ["organisation"], body: positionInputSchema, response: { 200: positionSchema } },
    },
    async (request) => createPosition(deps, signedInUser(request).loginId, request.body),
  );

  api.get(
    "/api/staff",
    {
      config: { access: "directory.read" },
      schema: { tags: ["staff"], querystring: staffListQuerySchema, response: { 200: staffListSchema } },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today();
      const { departmentId } = request.query;
      const departmentIds =
        departmentId === undefined
          ? undefined
          : subtreeOf(await listDepartments(deps.db, asOf), departmentId);
      return searchStaff(deps.db, { ...request.query, departmentIds }, asOf);
    },
  );

  api.get(
    "/api/staff/:id",
    {
      config: { access: "directory.read" },
      schema: { tags: ["staff"], params: idParamsSchema, response: { 200: staffDetailSchema } },
    },
    async (request) => {
      const detail = await findStaffDetail(deps.db, request.params.id, today());
      if (!detail) throw notFound("The staff member");
      return detail;
    },
  );

  api.post(
    "/api/staff",
    {
      config: { access: "staff.manage" },
      schema: { tags: ["staff"], body: staffInputSchema, response: { 200: staffDetailSchema } },
    },
    async (request) => createStaff(deps, signedInUser(request).loginId, request.body),
  );

  api.patch(
    "/api/staff/:id",
    {
      config: { access: "staff.manage" },
      schema: {
        tags: ["staff"],
        params: idParamsSchema,
        body: staffUpdateSchema,
        response: { 200: staffDetailSchema },
      },
    },
    async (request) => updateStaff(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.post(
    "/api/staff/:id/transfers",
    {
      config: { access: "staff.manage" },
      schema: {
        tags: ["staff"],
        params: idParamsSchema,
        body: transferInputSchema,
        response: { 200: staffDetailSchema },
      },
    },
    async (request) => transferStaff(deps, signedInUser(request).loginId, request.params.id, request.body),
  );
}

/** The department and every department below it. */
export function subtreeOf(departments: Department[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    for (const d of departments) if (d.parentId === ids[i]) ids.push(d.id);
  }
  return ids;
}
