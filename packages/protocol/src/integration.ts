import { type Permission, permissionNames } from "@tobira/core/authorization";
import { z } from "zod";
import { instantSchema } from "./access";
import { idSchema } from "./common";

/*
 * 外部連携: other town systems call the API with a token limited to scopes, and receive signed
 * webhooks. A token's secret and a webhook's secret are shown once, when made.
 */

const nameSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

// ---- API tokens ---------------------------------------------------------------------------------

/** Permissions a person must exercise in a session: a token never carries them. */
export const sessionOnlyPermissions: readonly Permission[] = [
  "self.manage",
  "integration.manage",
  "account.assignRoles",
  "account.resetPassword",
];

/** The permissions a token may be given (its scopes). */
export const apiTokenScopes: readonly Permission[] = permissionNames.filter(
  (permission) => !sessionOnlyPermissions.includes(permission),
);

export const apiTokenScopeSchema = z
  .enum(permissionNames)
  .refine((permission) => apiTokenScopes.includes(permission), "cannot be given to an API token");

export const apiTokenInputSchema = z.object({
  name: nameSchema,
  scopes: z
    .array(apiTokenScopeSchema)
    .min(1, "choose at least one scope")
    .refine((scopes) => new Set(scopes).size === scopes.length, "must not repeat a scope"),
  /** No expiry when absent or null. */
  expiresAt: instantSchema.nullable().optional(),
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

export const apiTokenStates = ["active", "expired", "revoked"] as const;

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  scopes: z.array(z.string()),
  state: z.enum(apiTokenStates),
  expiresAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

/** The answer to creating a token: the only time its secret is shown. */
export const apiTokenCreatedSchema = z.object({ token: apiTokenSchema, secret: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

// ---- webhooks -----------------------------------------------------------------------------------

export const webhookEventTypes = [
  "request.approved",
  "month.closed",
  "month.reopened",
  "access.event",
] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** The test event a subscriber can ask for from the admin screen; it goes to that subscription only. */
export const webhookTestEventType = "webhook.test";

const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL");

const eventTypesSchema = z
  .array(webhookEventTypeSchema)
  .min(1, "choose at least one event type")
  .refine((types) => new Set(types).size === types.length, "must not repeat an event type");

export const webhookSubscriptionInputSchema = z.object({
  name: nameSchema,
  url: webhookUrlSchema,
  eventTypes: eventTypesSchema,
  active: z.boolean().default(true),
});
export type WebhookSubscriptionInput = z.infer<typeof webhookSubscriptionInputSchema>;

export const webhookSubscriptionUpdateSchema = z.object({
  name: nameSchema.optional(),
  url: webhookUrlSchema.optional(),
  eventTypes: eventTypesSchema.optional(),
  active: z.boolean().optional(),
});
export type WebhookSubscriptionUpdate = z.infer<typeof webhookSubscriptionUpdateSchema>;

export const webhookSubscriptionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookSubscriptionDto = z.infer<typeof webhookSubscriptionSchema>;

/** The answer to creating a subscription: the only time its signing secret is shown. */
export const webhookSubscriptionCreatedSchema = z.object({
  subscription: webhookSubscriptionSchema,
  secret: z.string(),
});
export type WebhookSubscriptionCreated = z.infer<typeof webhookSubscriptionCreatedSchema>;

export const webhookSubscriptionListSchema = z.object({ items: z.array(webhookSubscriptionSchema) });

export const webhookDeliveryStates = ["pending", "delivered", "failed"] as const;

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  eventId: z.string(),
  eventType: z.string(),
  occurredAt: z.string(),
  state: z.enum(webhookDeliveryStates),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });

export const webhookTestResultSchema = z.object({ eventId: z.string() });

export const webhookParamsSchema = z.object({ id: idSchema });

/** What a receiver gets: the body of every POST, the same on every retry of one event. */
export const webhookPayloadSchema = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
