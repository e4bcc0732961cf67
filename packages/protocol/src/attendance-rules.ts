import { z } from "zod";
import { localDateSchema } from "./common";

/** The shipped defaults, so a client can start a first rule version from them. */
export { defaultWorkRules } from "@tobira/core/attendance";

/*
 * 勤務時間・給与の規則 as data: rule versions with their 施行日, work patterns (勤務パターン), the pattern each
 * person works, and which sections are designated 他律的. HR edits them; nothing here is a constant in code.
 */

/**
 * A time of the work day written as Japanese timesheets do: "08:30", and past midnight "31:00" for 7:00
 * the next morning (up to "47:59").
 */
export const workTimeSchema = z
  .string()
  .regex(/^([0-3]\d|4[0-7]):[0-5]\d$/, "must be a time HH:MM (past midnight as 24:00–47:59)");

const minutesSchema = (min: number, max: number) =>
  z
    .number({ error: "must be a number of minutes" })
    .int("must be whole minutes")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const percentSchema = z.number().int("must be a whole percent").min(0).max(500);

const tierRatesSchema = z.object({ upTo60: percentSchema, over60: percentSchema });

export const workRulesSchema = z.object({
  dayBoundaryMinute: minutesSchema(0, 720),
  night: z.object({ startMinute: minutesSchema(0, 1439), endMinute: minutesSchema(0, 1439) }),
  monthlyThresholdMinutes: minutesSchema(0, 300 * 60),
  rounding: z.object({ roundUpFromMinutes: minutesSchema(0, 60) }),
  divergenceThresholdMinutes: minutesSchema(0, 240),
  orderUnitMinutes: minutesSchema(1, 60),
  caps: z.object({
    ordinary: z.object({
      monthMinutes: minutesSchema(0, 300 * 60),
      yearMinutes: minutesSchema(0, 2000 * 60),
    }),
    externallyDriven: z.object({
      monthMinutesBelow: minutesSchema(0, 300 * 60),
      yearMinutes: minutesSchema(0, 2000 * 60),
      averageWindowMinutes: minutesSchema(0, 300 * 60),
      monthsOverOrdinaryPerYear: z.number().int().min(0).max(12),
    }),
  }),
  health: z.object({
    notifyAboveMinutes: minutesSchema(0, 300 * 60),
    interviewFromMinutes: minutesSchema(0, 300 * 60),
  }),
  rates: z.object({
    weekdayDay: tierRatesSchema,
    weekdayNight: tierRatesSchema,
    restDayDay: tierRatesSchema,
    restDayNight: tierRatesSchema,
    sundayDay: tierRatesSchema,
    sundayNight: tierRatesSchema,
    holidayDay: tierRatesSchema,
    holidayNight: tierRatesSchema,
  }),
  holidayWorkRate: percentSchema,
  nightShiftRate: percentSchema,
  /** Rule versions stored before the town could choose read as terminal punches only. */
  punchSource: z.enum(["terminal", "terminalAndDoors"]).default("terminal"),
});
export type WorkRulesDto = z.infer<typeof workRulesSchema>;

export const ruleVersionInputSchema = z.object({
  /** 施行日: the first day these rules apply. */
  effectiveFrom: localDateSchema,
  rules: workRulesSchema,
});
export type RuleVersionInput = z.infer<typeof ruleVersionInputSchema>;

export const ruleVersionSchema = ruleVersionInputSchema.extend({
  id: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type RuleVersionDto = z.infer<typeof ruleVersionSchema>;

export const ruleVersionListSchema = z.object({ items: z.array(ruleVersionSchema) });

const rangeSchema = z.object({ start: workTimeSchema, end: workTimeSchema });

export const scheduledDaySchema = z.object({
  start: workTimeSchema,
  end: workTimeSchema,
  breaks: z.array(rangeSchema).max(4, "must list at most 4 breaks").default([]),
});
export type ScheduledDayDto = z.infer<typeof scheduledDaySchema>;

export const weekdayKeys = ["0", "1", "2", "3", "4", "5", "6"] as const;

export const workPatternInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  /** By weekday, "0" = Sunday … "6" = Saturday; a weekday left out is the person's 週休日. */
  days: z.partialRecord(z.enum(weekdayKeys), scheduledDaySchema),
});
export type WorkPatternInput = z.infer<typeof workPatternInputSchema>;

export const workPatternSchema = workPatternInputSchema.extend({
  id: z.number().int(),
  /** Minutes scheduled in a week, for a quick check (38h45m = 2325 for the standard pattern). */
  weeklyMinutes: z.number().int(),
});
export type WorkPatternDto = z.infer<typeof workPatternSchema>;

export const workPatternListSchema = z.object({ items: z.array(workPatternSchema) });

export const patternAssignmentInputSchema = z.object({
  staffId: z.number().int().positive(),
  patternId: z.number().int().positive(),
  from: localDateSchema,
  to: localDateSchema.nullable().default(null),
});
export type PatternAssignmentInput = z.infer<typeof patternAssignmentInputSchema>;

export const patternAssignmentSchema = patternAssignmentInputSchema.extend({
  id: z.number().int(),
  patternName: z.string(),
});
export type PatternAssignmentDto = z.infer<typeof patternAssignmentSchema>;

export const patternAssignmentListSchema = z.object({ items: z.array(patternAssignmentSchema) });

export const sectionDesignationInputSchema = z.object({
  departmentId: z.number().int().positive(),
  /** 他律的業務の比重が高い部署: the higher overtime caps apply. */
  externallyDriven: z.boolean(),
  from: localDateSchema,
  to: localDateSchema.nullable().default(null),
});
export type SectionDesignationInput = z.infer<typeof sectionDesignationInputSchema>;

export const sectionDesignationSchema = sectionDesignationInputSchema.extend({
  id: z.number().int(),
  departmentName: z.string(),
});
export type SectionDesignationDto = z.infer<typeof sectionDesignationSchema>;

export const sectionDesignationListSchema = z.object({ items: z.array(sectionDesignationSchema) });
