import {
  type ApiTokenCreated,
  type ApiTokenDto,
  type ApiTokenInput,
  apiTokenCreatedSchema,
  apiTokenListSchema,
  apiTokenSchema,
  okSchema,
  type WebhookDeliveryDto,
  type WebhookSubscriptionCreated,
  type WebhookSubscriptionDto,
  type WebhookSubscriptionInput,
  type WebhookSubscriptionUpdate,
  webhookDeliveryListSchema,
  webhookSubscriptionCreatedSchema,
  webhookSubscriptionListSchema,
  webhookSubscriptionSchema,
  webhookTestResultSchema,
} from "@tobira/protocol";
import { request } from "./client";

/** 外部連携: API tokens for other town systems and the webhooks Tobira sends them. */

export async function listApiTokens(signal?: AbortSignal): Promise<ApiTokenDto[]> {
  return (await request("GET", "/api/integration/tokens", { parser: apiTokenListSchema, signal })).items;
}

/** The answer holds the token's secret; the screen shows it once and keeps it nowhere. */
export function createApiToken(body: ApiTokenInput): Promise<ApiTokenCreated> {
  return request("POST", "/api/integration/tokens", { parser: apiTokenCreatedSchema, body });
}

export function revokeApiToken(id: number): Promise<ApiTokenDto> {
  return request("POST", `/api/integration/tokens/${id}/revoke`, { parser: apiTokenSchema, body: {} });
}

export async function listWebhooks(signal?: AbortSignal): Promise<WebhookSubscriptionDto[]> {
  return (
    await request("GET", "/api/integration/webhooks", { parser: webhookSubscriptionListSchema, signal })
  ).items;
}

/** The answer holds the signing secret; the screen shows it once and keeps it nowhere. */
export function createWebhook(body: WebhookSubscriptionInput): Promise<WebhookSubscriptionCreated> {
  return request("POST", "/api/integration/webhooks", { parser: webhookSubscriptionCreatedSchema, body });
}

export function updateWebhook(id: number, body: WebhookSubscriptionUpdate): Promise<WebhookSubscriptionDto> {
  return request("PUT", `/api/integration/webhooks/${id}`, { parser: webhookSubscriptionSchema, body });
}

export async function deleteWebhook(id: number): Promise<void> {
  await request("DELETE", `/api/integration/webhooks/${id}`, { parser: okSchema });
}

export async function listWebhookDeliveries(id: number, signal?: AbortSignal): Promise<WebhookDeliveryDto[]> {
  return (
    await request("GET", `/api/integration/webhooks/${id}/deliveries`, {
      parser: webhookDeliveryListSchema,
      query: { limit: 50 },
      signal,
    })
  ).items;
}

export async function sendTestWebhook(id: number): Promise<string> {
  return (
    await request("POST", `/api/integration/webhooks/${id}/test`, {
      parser: webhookTestResultSchema,
      body: {},
    })
  ).eventId;
}
