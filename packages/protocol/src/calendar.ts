import { z } from "zod";
import { localDateSchema } from "./common";

/** 和暦 as the forms write it, for clients (pure calendar code, safe in the browser). */
export { formatWareki, toWareki } from "@tobira/core/calendar";

export const townDayKindSchema = z.enum(["holiday", "workday"]);

export const townDaySchema = z.object({
  date: localDateSchema,
  kind: townDayKindSchema,
  name: z.string(),
});
export type TownDayDto = z.infer<typeof townDaySchema>;

export const townDayInputSchema = z.object({
  kind: townDayKindSchema,
  name: z.string().trim().min(1, "give the day a name").max(100),
});

export const townDayParamsSchema = z.object({ date: localDateSchema });

export const calendarDaySchema = z.object({
  date: localDateSchema,
  kind: z.enum(["workday", "weeklyRest", "holiday"]),
  reason: z.string(),
  name: z.string().optional(),
});

export const calendarYearSchema = z.object({
  year: z.number().int(),
  days: z.array(calendarDaySchema),
  townDays: z.array(townDaySchema),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarYearParamsSchema = z.object({ year: z.coerce.number().int().min(1980).max(2099) });
