import { z } from "zod";
import { idSchema, localDateSchema } from "./common";

/** A reference to another record in a request body: a positive whole number, never coerced. */
const refSchema = z.number({ error: "must be a record id (a number)" }).int().positive();

/** 入退室管理: the building, schedules, access groups and temporary grants, as the API speaks them. */

export const assuranceLevelSchema = z.enum(["tap", "tapProof", "cardPin"]);
export const doorModeSchema = z.enum(["locked", "unlocked", "secured", "lockdown"]);
export const scheduleDayTypeSchema = z.enum(["workday", "weeklyRest", "holiday"]);
export const readerKindSchema = z.enum(["door", "attendance", "enrolment"]);
export const readerSideSchema = z.enum(["entry", "exit"]);
export const grantStateSchema = z.enum(["pending", "approved", "denied"]);

const nameSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

/** An instant with an explicit offset ('2026-09-22T09:00:00+09:00' or '…Z'). */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: "must be a date and time with an offset, e.g. 2026-09-22T09:00:00+09:00",
});

// ---- time windows ------------------------------------------------------------------------------

const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The start of a window: a real time of day, 00:00–23:59. */
export const windowStartSchema = z
  .string()
  .regex(timeOfDayPattern, "must be a time written HH:MM (00:00–23:59)");
/** The end of a window: 00:01–23:59, or 24:00 for midnight at the end of the day. */
export const windowEndSchema = z
  .string()
  .refine(
    (value) => timeOfDayPattern.test(value) || value === "24:00",
    "must be a time written HH:MM (00:01–24:00)",
  );

export const timeWindowSchema = z
  .object({ start: windowStartSchema, end: windowEndSchema })
  .refine((w) => w.start < w.end, { path: ["end"], message: "must be after start" });
export type TimeWindowDto = z.infer<typeof timeWindowSchema>;

/** Windows of one day, in order and not overlapping. */
export const dayWindowsSchema = z
  .array(timeWindowSchema)
  .max(24, "must list at most 24 windows")
  .superRefine((windows, ctx) => {
    const sorted = [...windows].sort((a, b) => (a.start < b.start ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && current.start < previous.end) {
        ctx.addIssue({
          code: "custom",
          path: [windows.indexOf(current), "start"],
          message: `overlaps the window ${previous.start}–${previous.end}`,
        });
      }
    }
  });

// ---- building ----------------------------------------------------------------------------------

export const areaInputSchema = z.object({
  name: nameSchema,
  parentId: refSchema.nullable().default(null),
  antiPassback: z.boolean().default(false),
  twoPersonRule: z.boolean().default(false),
});
export type AreaInput = z.infer<typeof areaInputSchema>;

export const areaSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  antiPassback: z.boolean(),
  twoPersonRule: z.boolean(),
});
export type AreaDto = z.infer<typeof areaSchema>;

export const doorModeByScheduleSchema = z.object({ scheduleId: refSchema, mode: doorModeSchema });

export const doorInputSchema = z
  .object({
    name: nameSchema,
    fromAreaId: refSchema,
    toAreaId: refSchema,
    defaultMode: doorModeSchema.default("locked"),
    /** First match wins; outside every listed schedule the door is in its default mode. */
    modes: z.array(doorModeByScheduleSchema).max(20, "must list at most 20 modes").default([]),
    exitButton: z.boolean().default(false),
    /** After a passage, how long the door may stand open before a held-open alarm (per door). */
    heldOpenSeconds: z
      .number()
      .int()
      .min(5, "must be at least 5 seconds")
      .max(3600, "must be at most 3600 seconds")
      .default(30),
    /** How long the lock stays released after a granted tap or the exit button. */
    unlockSeconds: z
      .number()
      .int()
      .min(1, "must be at least 1 second")
      .max(60, "must be at most 60 seconds")
      .default(5),
  })
  .refine((d) => d.fromAreaId !== d.toAreaId, {
    path: ["toAreaId"],
    message: "must differ from fromAreaId",
  });
export type DoorInput = z.infer<typeof doorInputSchema>;

export const doorSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  fromAreaId: z.number().int(),
  toAreaId: z.number().int(),
  defaultMode: doorModeSchema,
  modes: z.array(z.object({ scheduleId: z.number().int(), mode: doorModeSchema })),
  exitButton: z.boolean(),
  heldOpenSeconds: z.number().int(),
  unlockSeconds: z.number().int(),
});
export type DoorDto = z.infer<typeof doorSchema>;

/** A reader on one side of a door, an attendance terminal (出退勤端末) or an enrolment station. */
export const readerInputSchema = z
  .object({
    name: nameSchema,
    kind: readerKindSchema,
    doorId: refSchema.nullable().default(null),
    side: readerSideSchema.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.kind === "door") {
      if (r.doorId === null)
        ctx.addIssue({ code: "custom", path: ["doorId"], message: "is required for a door reader" });
      if (r.side === null)
        ctx.addIssue({ code: "custom", path: ["side"], message: "is required for a door reader" });
      return;
    }
    if (r.doorId !== null)
      ctx.addIssue({ code: "custom", path: ["doorId"], message: `must be empty for an ${r.kind} reader` });
    if (r.side !== null)
      ctx.addIssue({ code: "custom", path: ["side"], message: `must be empty for an ${r.kind} reader` });
  });
export type ReaderInput = z.infer<typeof readerInputSchema>;

export const readerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: readerKindSchema,
  doorId: z.number().int().nullable(),
  side: readerSideSchema.nullable(),
});
export type ReaderDto = z.infer<typeof readerSchema>;

// ---- schedules ---------------------------------------------------------------------------------

export const specialDaySchema = z.object({ date: localDateSchema, windows: dayWindowsSchema });

export const scheduleInputSchema = z.object({
  name: nameSchema,
  /** 平日 / 週休日 / 休日 (祝日 and 年末年始, from the calendar with the town's own days). */
  windows: z
    .object({
      workday: dayWindowsSchema.default([]),
      weeklyRest: dayWindowsSchema.default([]),
      holiday: dayWindowsSchema.default([]),
    })
    .default({ workday: [], weeklyRest: [], holiday: [] }),
  /** Dates whose windows replace the day type's (an empty list closes the day). */
  specialDays: z
    .array(specialDaySchema)
    .max(366, "must list at most 366 days")
    .default([])
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((day, index) => {
        if (seen.has(day.date))
          ctx.addIssue({ code: "custom", path: [index, "date"], message: "is listed twice" });
        seen.add(day.date);
      });
    }),
});
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export const scheduleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  windows: z.object({
    workday: z.array(timeWindowSchema),
    weeklyRest: z.array(timeWindowSchema),
    holiday: z.array(timeWindowSchema),
  }),
  specialDays: z.array(z.object({ date: z.string(), windows: z.array(timeWindowSchema) })),
});
export type ScheduleDto = z.infer<typeof scheduleSchema>;

// ---- access groups and memberships -------------------------------------------------------------

export const accessRuleSchema = z.object({
  doorId: refSchema,
  scheduleId: refSchema,
  minimumAssurance: assuranceLevelSchema,
});
export type AccessRuleDto = z.infer<typeof accessRuleSchema>;

export const accessGroupInputSchema = z.object({
  name: nameSchema,
  rules: z
    .array(accessRuleSchema)
    .max(500, "must list at most 500 rules")
    .default([])
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        const key = `${rule.doorId}/${rule.scheduleId}`;
        if (seen.has(key))
          ctx.addIssue({
            code: "custom",
            path: [index, "scheduleId"],
            message: "repeats a door and schedule",
          });
        seen.add(key);
      });
    }),
});
export type AccessGroupInput = z.infer<typeof accessGroupInputSchema>;

export const accessGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  rules: z.array(
    z.object({
      doorId: z.number().int(),
      scheduleId: z.number().int(),
      minimumAssurance: assuranceLevelSchema,
    }),
  ),
});
export type AccessGroupDto = z.infer<typeof accessGroupSchema>;

/** Validity dates are inclusive; a membership without an end lasts until it is ended. */
export const membershipInputSchema = z
  .object({
    staffId: refSchema,
    validFrom: localDateSchema,
    validTo: localDateSchema.nullable().default(null),
  })
  .refine((m) => m.validTo === null || m.validTo >= m.validFrom, {
    path: ["validTo"],
    message: "must not be before validFrom",
  });
export type MembershipInput = z.infer<typeof membershipInputSchema>;

export const membershipEndSchema = z.object({ validTo: localDateSchema });
export type MembershipEnd = z.infer<typeof membershipEndSchema>;

export const membershipParamsSchema = z.object({ id: idSchema, membershipId: idSchema });

export const membershipListQuerySchema = z.object({ asOf: localDateSchema.optional() });

export const membershipSchema = z.object({
  id: z.number().int(),
  groupId: z.number().int(),
  staffId: z.number().int(),
  staffNumber: z.string(),
  staffName: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type MembershipDto = z.infer<typeof membershipSchema>;

// ---- temporary grants --------------------------------------------------------------------------

/** A one-off permission (a vendor's server maintenance day) that needs a second person's approval. */
export const grantInputSchema = z
  .object({
    /** Who gets in: a staff member or a visitor (来庁者・業者), exactly one of the two. */
    staffId: refSchema.nullable().default(null),
    visitorId: refSchema.nullable().default(null),
    doorId: refSchema,
    from: instantSchema,
    to: instantSchema,
    minimumAssurance: assuranceLevelSchema,
    reason: z
      .string()
      .trim()
      .min(1, "give the reason for the grant")
      .max(500, "must be at most 500 characters"),
  })
  .superRefine((g, ctx) => {
    if (g.staffId !== null && g.visitorId !== null)
      ctx.addIssue({
        code: "custom",
        path: ["visitorId"],
        message: "must be empty when staffId is given (a grant is for a staff member or a visitor, not both)",
      });
    if (g.staffId === null && g.visitorId === null)
      ctx.addIssue({
        code: "custom",
        path: ["staffId"],
        message: "give either staffId or visitorId (who the grant is for)",
      });
    if (Date.parse(g.from) >= Date.parse(g.to))
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  });
export type GrantInput = z.infer<typeof grantInputSchema>;

export const grantApprovalSchema = z.object({
  comment: z.string().trim().max(500, "must be at most 500 characters").nullable().default(null),
});
export const grantDenialSchema = z.object({
  comment: z
    .string()
    .trim()
    .min(1, "give the reason for the denial")
    .max(500, "must be at most 500 characters"),
});

export const grantListQuerySchema = z.object({ state: grantStateSchema.optional() });

export const grantSchema = z.object({
  id: z.number().int(),
  /** Exactly one of staffId and visitorId is set. */
  staffId: z.number().int().nullable(),
  visitorId: z.number().int().nullable(),
  /** The staff member's or the visitor's name. */
  holderName: z.string(),
  doorId: z.number().int(),
  doorName: z.string(),
  from: z.string(),
  to: z.string(),
  minimumAssurance: assuranceLevelSchema,
  reason: z.string(),
  state: grantStateSchema,
  /** True once `to` has passed: the grant no longer reaches any snapshot. */
  expired: z.boolean(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});
export type GrantDto = z.infer<typeof grantSchema>;

// ---- questions ---------------------------------------------------------------------------------

export const atQuerySchema = z.object({ at: instantSchema.optional() });

/** Why someone may pass a door: a group's rule (with its schedule) or a temporary grant. */
export const accessReasonSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("group"),
    groupId: z.number().int(),
    groupName: z.string(),
    scheduleId: z.number().int(),
    scheduleName: z.string(),
    minimumAssurance: assuranceLevelSchema,
    /** The schedule is open at the instant asked about. */
    open: z.boolean(),
  }),
  z.object({
    kind: z.literal("grant"),
    grantId: z.number().int(),
    from: z.string(),
    to: z.string(),
    minimumAssurance: assuranceLevelSchema,
    open: z.boolean(),
  }),
]);
export type AccessReason = z.infer<typeof accessReasonSchema>;

/** What a reader would decide for this person at this door at `at`, with a card that proves enough. */
const decisionFields = {
  /** True when a card showing `requiredAssurance` would open the door (a two-person door still needs a second person). */
  canEnter: z.boolean(),
  requiredAssurance: assuranceLevelSchema.nullable(),
  /** Why not, as a reader's denial reason id (outside_schedule, lockdown, no_permission, …). */
  refusal: z.string().nullable(),
};

export const whoCanEnterSchema = z.object({
  doorId: z.number().int(),
  doorName: z.string(),
  at: z.string(),
  doorMode: doorModeSchema,
  holders: z.array(
    z.object({
      staffId: z.number().int(),
      staffNumber: z.string(),
      staffName: z.string(),
      ...decisionFields,
      reasons: z.array(accessReasonSchema),
    }),
  ),
});
export type WhoCanEnter = z.infer<typeof whoCanEnterSchema>;

export const whereCanGoSchema = z.object({
  staffId: z.number().int(),
  staffNumber: z.string(),
  staffName: z.string(),
  at: z.string(),
  doors: z.array(
    z.object({
      doorId: z.number().int(),
      doorName: z.string(),
      toAreaId: z.number().int(),
      toAreaName: z.string(),
      doorMode: doorModeSchema,
      ...decisionFields,
      reasons: z.array(accessReasonSchema),
    }),
  ),
});
export type WhereCanGo = z.infer<typeof whereCanGoSchema>;

// ---- snapshot ----------------------------------------------------------------------------------

export const signedSnapshotSchema = z.object({
  version: z.number().int(),
  issuedAt: z.string(),
  /** The signed bytes, base64: a tag and the deflated canonical JSON of the snapshot. */
  payload: z.string(),
  /** Ed25519 signature over the payload, base64; verify it with the server's public key. */
  signature: z.string(),
  /** SHA-256 of the signing key's SPKI DER, hex. */
  keyFingerprint: z.string(),
});
export type SignedSnapshotDto = z.infer<typeof signedSnapshotSchema>;

export const snapshotDeltaQuerySchema = z.object({
  /** The version of the snapshot the agent holds. */
  since: z.coerce.number().int().min(0),
});
export type SnapshotDeltaQuery = z.infer<typeof snapshotDeltaQuerySchema>;

/**
 * A signed delta from the snapshot of `baseVersion` to the snapshot of `version`, for core's
 * verifyDelta and applyDelta. The server answers 204 when `since` is already the current version, and
 * 409 when the changes since then cannot be sent as a delta: the agent then fetches the whole snapshot.
 */
export const signedSnapshotDeltaSchema = z.object({
  baseVersion: z.number().int(),
  version: z.number().int(),
  issuedAt: z.string(),
  /** The signed bytes, base64: a tag and the deflated canonical JSON of the delta. */
  payload: z.string(),
  /** Ed25519 signature over the payload, base64; verify it with the server's public key. */
  signature: z.string(),
  /** SHA-256 of the signing key's SPKI DER, hex. */
  keyFingerprint: z.string(),
});
export type SignedSnapshotDeltaDto = z.infer<typeof signedSnapshotDeltaSchema>;

export const snapshotPublicKeySchema = z.object({
  /** Ed25519 public key, SPKI PEM. */
  publicKeyPem: z.string(),
  /** SHA-256 of the SPKI DER, hex: compare it with what an agent shows. */
  fingerprint: z.string(),
});
export type SnapshotPublicKey = z.infer<typeof snapshotPublicKeySchema>;
