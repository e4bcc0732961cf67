import { z } from "zod";
import { localDateSchema } from "./common";
import { credentialKindSchema, credentialStatusSchema } from "./credentials";

/* The staff portal's own data: what the signed-in person may see about themself. */

const minutes = z.number().int();

export const portalTapsQuerySchema = z.object({
  /** First local date (Asia/Tokyo), inclusive; 6 days before `to` when left out. */
  from: localDateSchema.optional(),
  /** Last local date, inclusive; today when left out. At most 31 days from `from`. */
  to: localDateSchema.optional(),
});

/** One of my card taps at a door or an attendance terminal. */
export const portalTapSchema = z.object({
  at: z.string(),
  /** decision: a door's answer; punch: an attendance terminal's 出勤/退勤. */
  kind: z.string(),
  readerName: z.string(),
  doorName: z.string().nullable(),
  /** Whether the door opened; null for a punch. */
  granted: z.boolean().nullable(),
  /** Why a door refused (outside_schedule, no_rule, card_suspended …); null otherwise. */
  reason: z.string().nullable(),
  /** For a punch: in (出勤) or out (退勤). */
  punch: z.enum(["in", "out"]).nullable(),
  direction: z.string().nullable(),
});
export type PortalTapDto = z.infer<typeof portalTapSchema>;

export const portalTapsSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  /** Newest first. */
  taps: z.array(portalTapSchema),
});
export type PortalTapsDto = z.infer<typeof portalTapsSchema>;

/** One of my cards, with the certificate's end date for a My Number Card. */
export const portalCardSchema = z.object({
  id: z.number().int(),
  kind: credentialKindSchema,
  status: credentialStatusSchema,
  /** The end of the card's validity (a My Number Card's user certificate), when known. */
  validTo: z.string().nullable(),
  /** Whole days until `validTo` (negative once past); null when it is not known. */
  daysLeft: z.number().int().nullable(),
  /** Ends within 90 days (or has ended): renew it before it stops opening doors. */
  expiresSoon: z.boolean(),
});
export type PortalCardDto = z.infer<typeof portalCardSchema>;

export const portalSummarySchema = z.object({
  /** 年次有給休暇: the remaining balance, or null when it cannot be read. */
  annualLeave: z
    .object({
      /** The leave year (a calendar year; a 年度 for 会計年度任用職員). */
      leaveYear: z.number().int(),
      grantedMinutes: minutes,
      carriedMinutes: minutes,
      usedMinutes: minutes,
      remainingMinutes: minutes,
      /** `remainingMinutes` in the person's days, hours and minutes. */
      remaining: z.object({ days: z.number().int(), hours: z.number().int(), minutes: z.number().int() }),
      /** The part still from carried days, which lapses at the year's end if unused. */
      carriedRemainingMinutes: minutes,
    })
    .nullable(),
  /** This month's overtime against the caps; null without working-time rules or a staff record. */
  overtime: z
    .object({
      month: z.string(),
      monthMinutes: minutes,
      monthCapMinutes: minutes,
      fiscalYearMinutes: minutes,
      fiscalYearCapMinutes: minutes,
      health: z.enum(["none", "notify", "interview"]),
    })
    .nullable(),
  /** My requests still waiting for a decision; null when requests cannot be counted. */
  pendingRequests: z.number().int().nullable(),
  unreadNotifications: z.number().int(),
  cards: z.array(portalCardSchema),
});
export type PortalSummaryDto = z.infer<typeof portalSummarySchema>;
