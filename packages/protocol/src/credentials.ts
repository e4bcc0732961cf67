import { z } from "zod";
import { idSchema } from "./common";

/*
 * Credentials bind a card to a staff member or a visitor. A My Number Card is named by its
 * user-authentication certificate (issuer + serial), never by its UID and never by the 個人番号.
 */

export const credentialKinds = ["jpki", "staffCard", "uid"] as const;
export const credentialKindSchema = z.enum(credentialKinds);
export type CredentialKind = z.infer<typeof credentialKindSchema>;

export const credentialStatuses = ["active", "suspended", "revoked"] as const;
export const credentialStatusSchema = z.enum(credentialStatuses);
export type CredentialStatus = z.infer<typeof credentialStatusSchema>;

const base64Schema = (maxBytes: number) =>
  z
    .base64("must be base64")
    .min(1)
    .max(Math.ceil(maxBytes / 3) * 4);

const recordIdSchema = z.number().int().positive();

/** FeliCa IDm (8 bytes), MIFARE UID (4, 7 or 10 bytes), as hex; stored lowercase. */
export const cardUidSchema = z
  .string()
  .trim()
  .regex(
    /^(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{14}|[0-9a-fA-F]{16}|[0-9a-fA-F]{20})$/,
    "must be a 4, 7, 8 or 10-byte UID in hex",
  )
  .transform((uid) => uid.toLowerCase());

/** The staff-card application's card ID: 16 bytes in hex. */
export const staffCardIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{32}$/, "must be 16 bytes in hex")
  .transform((cardId) => cardId.toLowerCase());

export const enrolmentChallengeSchema = z.object({
  challengeId: z.number().int(),
  /** 32 random bytes, base64: the card signs them to prove it is present. */
  challenge: z.string(),
  expiresAt: z.string(),
});
export type EnrolmentChallenge = z.infer<typeof enrolmentChallengeSchema>;

/**
 * The proof a card gives at enrolment. The server keeps only a hash of each challenge, so the client
 * sends the challenge back with its id.
 */
const proofFields = {
  challengeId: recordIdSchema,
  challenge: base64Schema(64),
  signature: base64Schema(1024),
};

export const jpkiCardSchema = z.object({
  kind: z.literal("jpki"),
  /** The user-authentication certificate (DER, base64), read without a PIN. */
  certificate: base64Schema(8192),
  ...proofFields,
});

export const staffCardSchema = z.object({
  kind: z.literal("staffCard"),
  cardId: staffCardIdSchema,
  /** The card's P-256 public key as SubjectPublicKeyInfo DER, base64. */
  publicKey: base64Schema(512),
  ...proofFields,
});

export const uidCardSchema = z.object({
  kind: z.literal("uid"),
  uid: cardUidSchema,
});

export const cardInputSchema = z.discriminatedUnion("kind", [jpkiCardSchema, staffCardSchema, uidCardSchema]);
export type CardInput = z.infer<typeof cardInputSchema>;

const staffIdField = { staffId: recordIdSchema };

export const enrolmentInputSchema = z.discriminatedUnion("kind", [
  jpkiCardSchema.extend(staffIdField),
  staffCardSchema.extend(staffIdField),
  uidCardSchema.extend(staffIdField),
]);
export type EnrolmentInput = z.infer<typeof enrolmentInputSchema>;

export const reasonSchema = z.string().trim().min(1, "give a reason").max(200);

export const credentialReasonInputSchema = z.object({ reason: reasonSchema });
export type CredentialReasonInput = z.infer<typeof credentialReasonInputSchema>;

const reasonField = { reason: reasonSchema };

/** Replace: revoke the old credential and enrol this card to the same holder, in one step. */
export const replacementInputSchema = z.discriminatedUnion("kind", [
  jpkiCardSchema.extend(reasonField),
  staffCardSchema.extend(reasonField),
  uidCardSchema.extend(reasonField),
]);
export type ReplacementInput = z.infer<typeof replacementInputSchema>;

export const enrolledCredentialSchema = z.object({
  id: z.number().int(),
  staffId: z.number().int().nullable(),
  visitorId: z.number().int().nullable(),
  kind: credentialKindSchema,
  /** How readers name the card: `jpki:<issuer>#<serial>`, `staffCard:<cardId>` or `uid:<hex>`. */
  key: z.string(),
  issuer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  /** SubjectPublicKeyInfo DER, base64; null for a UID. */
  publicKey: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: credentialStatusSchema,
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  replacedById: z.number().int().nullable(),
  replacesId: z.number().int().nullable(),
  enrolledBy: z.string(),
  enrolledAt: z.string(),
});
export type EnrolledCredential = z.infer<typeof enrolledCredentialSchema>;

export const credentialListQuerySchema = z.object({
  staffId: idSchema.optional(),
  visitorId: idSchema.optional(),
  status: credentialStatusSchema.optional(),
  kind: credentialKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CredentialListQuery = z.infer<typeof credentialListQuerySchema>;

export const credentialListSchema = z.object({
  items: z.array(enrolledCredentialSchema),
  total: z.number().int(),
});

export const expiringQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(90),
});

export const expiringCredentialSchema = z.object({
  credentialId: z.number().int(),
  staffId: z.number().int(),
  staffNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  departmentName: z.string().nullable(),
  status: credentialStatusSchema,
  issuer: z.string(),
  serialNumber: z.string(),
  validTo: z.string(),
  /** Whole days left; negative once the certificate has expired. */
  daysLeft: z.number().int(),
});
export type ExpiringCredential = z.infer<typeof expiringCredentialSchema>;

export const expiringListSchema = z.object({
  days: z.number().int(),
  items: z.array(expiringCredentialSchema),
});

/** 来庁者・業者: the duty officer (宿日直) hands out an IC card for the day. */
export const visitorInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  organisation: z.string().trim().max(100).nullable().default(null),
  purpose: z.string().trim().min(1).max(200),
  hostStaffId: recordIdSchema,
  cardUid: cardUidSchema,
  doorIds: z.array(recordIdSchema).max(100).default([]),
  /** Defaults to the end of the issue day (23:59:59 in Japan); must fall on the issue day. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type VisitorInput = z.infer<typeof visitorInputSchema>;

export const visitorSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  organisation: z.string().nullable(),
  purpose: z.string(),
  hostStaffId: z.number().int(),
  hostName: z.string(),
  cardUid: z.string(),
  credentialId: z.number().int(),
  doorIds: z.array(z.number().int()),
  issuedBy: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  returnedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
});
export type VisitorDto = z.infer<typeof visitorSchema>;

export const visitorListQuerySchema = z.object({
  open: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type VisitorListQuery = z.infer<typeof visitorListQuerySchema>;

export const visitorListSchema = z.object({ items: z.array(visitorSchema) });
