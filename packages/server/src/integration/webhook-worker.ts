import type { Deps } from "../deps";
import { type BackoffPolicy, defaultBackoff, retryDelayMs } from "./webhook-backoff";
import { signWebhookBody } from "./webhook-signature";

export interface WebhookWorkerLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface WebhookWorkerOptions {
  backoff?: BackoffPolicy;
  /** After this many failed attempts a delivery is given up (failed). */
  maxAttempts?: number;
  /** An answer must arrive within this; otherwise the attempt failed. */
  timeoutMs?: number;
  pollEveryMs?: number;
  random?: () => number;
  /** At most this many deliveries per subscription in one pass, so one busy receiver cannot hog a pass. */
  perSubscriptionPerPass?: number;
}

export interface WebhookWorker {
  /** One pass over every subscription's due deliveries; resolves with the number of attempts made. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

interface DueDelivery {
  id: number;
  attempts: number;
  url: string;
  secret: string;
  event: { id: string; type: string; occurredAt: string; payload: string };
}

interface AttemptOutcome {
  status: number | null;
  error: string | null;
}

/**
 * Delivers the webhook outbox. Each subscription gets its events in the order they happened: the next
 * one waits until the one before it is delivered or given up. A delivery is claimed with a
 * compare-and-set on next_attempt_at, so two server instances never post the same attempt.
 */
export function createWebhookWorker(
  deps: Pick<Deps, "db" | "clock"> & { log?: WebhookWorkerLog },
  options: WebhookWorkerOptions = {},
): WebhookWorker {
  const { db, clock, log } = deps;
  const backoff = options.backoff ?? defaultBackoff;
  const maxAttempts = options.maxAttempts ?? 12;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollEveryMs = options.pollEveryMs ?? 1000;
  const random = options.random ?? Math.random;
  const perPass = options.perSubscriptionPerPass ?? 20;
  // Long enough that a claimed attempt finishes (or times out) before anyone may claim it again.
  const claimMs = timeoutMs + 30_000;

  async function runOnce(): Promise<number> {
    const subscriptions = await db
      .selectFrom("webhook_delivery")
      .innerJoin("webhook_subscription", "webhook_subscription.id", "webhook_delivery.subscription_id")
      .select("webhook_delivery.subscription_id")
      .distinct()
      .where("webhook_delivery.state", "=", "pending")
      .where("webhook_subscription.active", "=", 1)
      .where("webhook_subscription.deleted_at", "is", null)
      .execute();
    const counts = await Promise.all(subscriptions.map((s) => drainSubscription(s.subscription_id)));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  async function drainSubscription(subscriptionId: number): Promise<number> {
    let attempts = 0;
    while (attempts < perPass) {
      const delivery = await claimNext(subscriptionId);
      if (!delivery) break;
      attempts++;
      if (!(await attempt(delivery))) break;
    }
    return attempts;
  }

  async function claimNext(subscriptionId: number): Promise<DueDelivery | undefined> {
    const now = clock.now();
    const head = await db
      .selectFrom("webhook_delivery")
      .innerJoin("webhook_event", "webhook_event.id", "webhook_delivery.event_id")
      .innerJoin("webhook_subscription", "webhook_subscription.id", "webhook_delivery.subscription_id")
      .select([
        "webhook_delivery.id",
        "webhook_delivery.attempts",
        "webhook_delivery.next_attempt_at",
        "webhook_subscription.url",
        "webhook_subscription.secret",
        "webhook_event.id as event_id",
        "webhook_event.type",
        "webhook_event.occurred_at",
        "webhook_event.payload",
      ])
      .where("webhook_delivery.subscription_id", "=", subscriptionId)
      .where("webhook_delivery.state", "=", "pending")
      .orderBy("webhook_delivery.event_occurred_at")
      .orderBy("webhook_delivery.id")
      .limit(1)
      .executeTakeFirst();
    if (!head || head.next_attempt_at > now.toISOString()) return undefined;
    const claimed = await db
      .updateTable("webhook_delivery")
      .set({ next_attempt_at: new Date(now.getTime() + claimMs).toISOString() })
      .where("id", "=", head.id)
      .where("state", "=", "pending")
      .where("next_attempt_at", "=", head.next_attempt_at)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return undefined;
    return {
      id: head.id,
      attempts: head.attempts,
      url: head.url,
      secret: head.secret,
      event: { id: head.event_id, type: head.type, occurredAt: head.occurred_at, payload: head.payload },
    };
  }

  /** Posts one attempt and records it; true when the receiver took the event. */
  async function attempt(delivery: DueDelivery): Promise<boolean> {
    const startedAt = clock.now();
    const started = performance.now();
    const outcome = await post(delivery, startedAt);
    const durationMs = Math.round(performance.now() - started);
    const attemptNumber = delivery.attempts + 1;
    const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const givenUp = !delivered && attemptNumber >= maxAttempts;
    const finishedAt = clock.now();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("webhook_attempt")
        .values({
          delivery_id: delivery.id,
          attempt: attemptNumber,
          attempted_at: startedAt.toISOString(),
          status: outcome.status,
          error: outcome.error,
          duration_ms: durationMs,
        })
        .execute();
      await trx
        .updateTable("webhook_delivery")
        .set({
          attempts: attemptNumber,
          state: delivered ? "delivered" : givenUp ? "failed" : "pending",
          last_attempt_at: startedAt.toISOString(),
          last_status: outcome.status,
          last_error: outcome.error,
          delivered_at: delivered ? finishedAt.toISOString() : null,
          next_attempt_at: new Date(
            finishedAt.getTime() +
              (delivered || givenUp ? 0 : retryDelayMs(attemptNumber, backoff, random())),
          ).toISOString(),
        })
        .where("id", "=", delivery.id)
        .execute();
    });
    if (!delivered) {
      log?.warn(
        { deliveryId: delivery.id, eventId: delivery.event.id, attempt: attemptNumber, ...outcome, givenUp },
        givenUp ? "webhook delivery given up" : "webhook delivery failed; will retry",
      );
    }
    // A given-up delivery no longer holds back the subscription's later events.
    return delivered || givenUp;
  }

  async function post(delivery: DueDelivery, at: Date): Promise<AttemptOutcome> {
    const { event } = delivery;
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt,
      data: JSON.parse(event.payload),
    });
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": "Tobira-Webhooks/1",
          "tobira-event-id": event.id,
          "tobira-event-type": event.type,
          "tobira-signature": signWebhookBody(delivery.secret, body, at),
        },
        body,
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { status: response.status, error: ok ? null : `the receiver answered HTTP ${response.status}` };
    } catch (error) {
      return { status: null, error: describeFailure(error, timeoutMs) };
    }
  }

  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  function schedule(): void {
    timer = setTimeout(() => {
      timer = null;
      running = runOnce()
        .then(() => undefined)
        .catch((error: unknown) => log?.error({ err: error }, "webhook delivery pass failed"))
        .finally(() => {
          running = null;
          if (!stopped) schedule();
        });
    }, pollEveryMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error && "code" in cause ? String(cause.code) : undefined;
  if (code) return `could not reach the receiver (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return `could not send: ${message}`.slice(0, 500);
}
