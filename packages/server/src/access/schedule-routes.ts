import { idParamsSchema, okSchema, scheduleInputSchema, scheduleSchema } from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { presentSchedule } from "./present-schedule";
import { listSchedules } from "./schedule-repository";
import { createSchedule, editSchedule, removeSchedule } from "./schedule-use-cases";

const tags = ["access"];

export function registerScheduleRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/access/schedules",
    {
      config: { access: "access.read" },
      schema: { tags, response: { 200: z.object({ items: z.array(scheduleSchema) }) } },
    },
    async () => ({ items: (await listSchedules(deps.db)).map(presentSchedule) }),
  );

  api.post(
    "/api/access/schedules",
    {
      config: { access: "access.manage" },
      schema: { tags, body: scheduleInputSchema, response: { 200: scheduleSchema } },
    },
    async (request) => createSchedule(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/access/schedules/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, body: scheduleInputSchema, response: { 200: scheduleSchema } },
    },
    async (request) => editSchedule(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/access/schedules/:id",
    {
      config: { access: "access.manage" },
      schema: { tags, params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeSchedule(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );
}
