import {
  apiTokenCreatedSchema,
  apiTokenInputSchema,
  apiTokenListSchema,
  apiTokenSchema,
  okSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliveryListSchema,
  webhookParamsSchema,
  webhookSubscriptionCreatedSchema,
  webhookSubscriptionInputSchema,
  webhookSubscriptionListSchema,
  webhookSubscriptionSchema,
  webhookSubscriptionUpdateSchema,
  webhookTestResultSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-token-use-cases";
import { listWebhookDeliveries } from "./webhook-delivery-log";
import {
  changeWebhookSubscription,
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookSubscriptions,
  sendTestWebhookEvent,
} from "./webhook-subscription-use-cases";
import { createWebhookWorker, type WebhookWorkerOptions } from "./webhook-worker";

const tags = ["integration"];
const access = "integration.manage";

/**
 * 外部連携: the routes for API tokens and webhook subscriptions, and the webhook delivery worker,
 * which runs while the server listens (not in tests that only inject requests) and stops on close.
 */
export function registerIntegration(api: Api, deps: Deps, workerOptions: WebhookWorkerOptions = {}): void {
  registerIntegrationRoutes(api, deps);
  const log = api.log.child({ category: "integration" });
  const worker = createWebhookWorker({ db: deps.db, clock: deps.clock, log }, workerOptions);
  api.addHook("onListen", async () => {
    worker.start();
  });
  api.addHook("onClose", async () => {
    await worker.stop();
  });
}

export function registerIntegrationRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/integration/tokens",
    { config: { access }, schema: { tags, response: { 200: apiTokenListSchema } } },
    async () => ({ items: await listApiTokens(deps) }),
  );

  // The answer carries the token's secret: the only time anyone sees it.
  api.post(
    "/api/integration/tokens",
    {
      config: { access },
      schema: { tags, body: apiTokenInputSchema, response: { 200: apiTokenCreatedSchema } },
    },
    async (request) => createApiToken(deps, signedInUser(request).loginId, request.body),
  );

  api.post(
    "/api/integration/tokens/:id/revoke",
    {
      config: { access },
      schema: { tags, params: webhookParamsSchema, response: { 200: apiTokenSchema } },
    },
    async (request) => revokeApiToken(deps, signedInUser(request).loginId, request.params.id),
  );

  api.get(
    "/api/integration/webhooks",
    { config: { access }, schema: { tags, response: { 200: webhookSubscriptionListSchema } } },
    async () => ({ items: await listWebhookSubscriptions(deps) }),
  );

  // The answer carries the signing secret: the only time anyone sees it.
  api.post(
    "/api/integration/webhooks",
    {
      config: { access },
      schema: {
        tags,
        body: webhookSubscriptionInputSchema,
        response: { 200: webhookSubscriptionCreatedSchema },
      },
    },
    async (request) => createWebhookSubscription(deps, signedInUser(request).loginId, request.body),
  );

  api.put(
    "/api/integration/webhooks/:id",
    {
      config: { access },
      schema: {
        tags,
        params: webhookParamsSchema,
        body: webhookSubscriptionUpdateSchema,
        response: { 200: webhookSubscriptionSchema },
      },
    },
    async (request) =>
      changeWebhookSubscription(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/integration/webhooks/:id",
    { config: { access }, schema: { tags, params: webhookParamsSchema, response: { 200: okSchema } } },
    async (request) => {
      await deleteWebhookSubscription(deps, signedInUser(request).loginId, request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    "/api/integration/webhooks/:id/deliveries",
    {
      config: { access },
      schema: {
        tags,
        params: webhookParamsSchema,
        querystring: webhookDeliveryListQuerySchema,
        response: { 200: webhookDeliveryListSchema },
      },
    },
    async (request) => ({ items: await listWebhookDeliveries(deps, request.params.id, request.query.limit) }),
  );

  api.post(
    "/api/integration/webhooks/:id/test",
    {
      config: { access },
      schema: { tags, params: webhookParamsSchema, response: { 200: webhookTestResultSchema } },
    },
    async (request) => ({
      eventId: await sendTestWebhookEvent(deps, signedInUser(request).loginId, request.params.id),
    }),
  );
}
