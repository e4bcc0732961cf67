import { isLocalDate } from "@tobira/core/calendar";
import { z } from "zod";

export const localDateSchema = z.string().refine(isLocalDate, "must be a date written YYYY-MM-DD");

export const idSchema = z.coerce.number().int().positive();
export const idParamsSchema = z.object({ id: idSchema });

export const okSchema = z.object({ ok: z.literal(true) });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
