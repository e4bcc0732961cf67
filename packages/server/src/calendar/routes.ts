import { listDays } from "@tobira/core";
import {
  calendarYearParamsSchema,
  calendarYearSchema,
  okSchema,
  townDayInputSchema,
  townDayParamsSchema,
  townDaySchema,
} from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { type Api, signedInUser } from "../http/api";
import { deleteTownDay, findTownDay, listTownDays, saveTownDay } from "./town-day-repository";

export function registerCalendarRoutes(api: Api, deps: Deps): void {
  const tags = ["calendar"];

  api.get(
    "/api/calendar/:year",
    {
      config: { access: "directory.read" },
      schema: { tags, params: calendarYearParamsSchema, response: { 200: calendarYearSchema } },
    },
    async (request) => {
      const { year } = request.params;
      const townDays = await listTownDays(deps.db, `${year}-01-01`, `${year}-12-31`);
      return { year, days: listDays(`${year}-01-01`, `${year}-12-31`, townDays), townDays };
    },
  );

  // 町独自の休日・開庁日: set by the town's ordinance, they override the computed calendar.
  api.put(
    "/api/calendar/town-days/:date",
    {
      config: { access: "calendar.manage" },
      schema: {
        tags,
        params: townDayParamsSchema,
        body: townDayInputSchema,
        response: { 200: townDaySchema },
      },
    },
    async (request) => {
      const day = { date: request.params.date, ...request.body };
      await deps.db.transaction().execute(async (trx) => {
        const before = await findTownDay(trx, day.date);
        await saveTownDay(trx, day);
        await appendAudit(
          trx,
          {
            actor: signedInUser(request).loginId,
            action: "calendar.townDaySet",
            targetType: "townDay",
            targetId: day.date,
            details: { before: before ?? null, after: day },
          },
          deps.clock.now(),
        );
      });
      return day;
    },
  );

  api.delete(
    "/api/calendar/town-days/:date",
    {
      config: { access: "calendar.manage" },
      schema: { tags, params: townDayParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await deps.db.transaction().execute(async (trx) => {
        const before = await findTownDay(trx, request.params.date);
        if (!before) throw notFound(`A town day on ${request.params.date}`);
        await deleteTownDay(trx, request.params.date);
        await appendAudit(
          trx,
          {
            actor: signedInUser(request).loginId,
            action: "calendar.townDayRemoved",
            targetType: "townDay",
            targetId: before.date,
            details: { before },
          },
          deps.clock.now(),
        );
      });
      return { ok: true as const };
    },
  );
}
