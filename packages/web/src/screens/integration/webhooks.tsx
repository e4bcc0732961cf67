import {
  type WebhookEventType,
  type WebhookSubscriptionCreated,
  type WebhookSubscriptionDto,
  webhookEventTypes,
} from "@tobira/protocol";
import { type FormEvent, Fragment, useState } from "react";
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  sendTestWebhook,
  updateWebhook,
} from "../../api/integration";
import { ErrorSummary } from "../../components/error-summary";
import { CheckboxField, TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { issuesByField } from "../../lib/field-errors";
import { type Action, useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { SecretOnce } from "./secret-once";
import { WebhookDeliveries } from "./webhook-deliveries";

type Open = { id: number; panel: "deliveries" | "delete" } | null;

/** Webhook: subscriptions (the signing secret shown once), pause, delete, test event, delivery log. */
export function WebhooksSection() {
  const { t } = useI18n();
  const webhooks = useQuery("webhooks", (signal) => listWebhooks(signal));
  const action = useAction();
  const [created, setCreated] = useState<WebhookSubscriptionCreated | null>(null);
  const [open, setOpen] = useState<Open>(null);

  function toggle(id: number, panel: "deliveries" | "delete") {
    action.clear();
    setOpen((current) => (current?.id === id && current.panel === panel ? null : { id, panel }));
  }

  async function setActive(webhook: WebhookSubscriptionDto, active: boolean) {
    const ok = await action.run(async () => {
      await updateWebhook(webhook.id, { active });
      return t(active ? "webhooks.resumed" : "webhooks.paused", { name: webhook.name });
    });
    if (ok) webhooks.reload();
  }

  async function sendTest(webhook: WebhookSubscriptionDto) {
    await action.run(async () => {
      const eventId = await sendTestWebhook(webhook.id);
      setOpen({ id: webhook.id, panel: "deliveries" });
      return t("webhooks.testQueued", { name: webhook.name, eventId });
    });
  }

  const columns = 5;
  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">{t("webhooks.heading")}</h2>
      <ErrorSummary error={webhooks.error ?? action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      {created ? (
        <SecretOnce
          heading={t("webhooks.secretHeading", { name: created.subscription.name })}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      ) : null}
      {webhooks.loading && webhooks.data === undefined ? <Loading /> : null}
      {webhooks.data !== undefined && webhooks.data.length === 0 ? (
        <p className="empty">{t("webhooks.none")}</p>
      ) : null}
      {webhooks.data !== undefined && webhooks.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("webhooks.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("webhooks.name")}</th>
                <th scope="col">{t("webhooks.url")}</th>
                <th scope="col">{t("webhooks.eventTypes")}</th>
                <th scope="col">{t("webhooks.state")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.data.map((webhook) => (
                <Fragment key={webhook.id}>
                  <tr>
                    <td>{webhook.name}</td>
                    <td>
                      <code>{webhook.url}</code>
                    </td>
                    <td>{webhook.eventTypes.map((type) => eventTypeLabel(type, t)).join("、")}</td>
                    <td>{t(webhook.active ? "webhooks.state.active" : "webhooks.state.paused")}</td>
                    <td>
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-expanded={open?.id === webhook.id && open.panel === "deliveries"}
                          onClick={() => toggle(webhook.id, "deliveries")}
                        >
                          {open?.id === webhook.id && open.panel === "deliveries"
                            ? t("webhooks.hideDeliveries")
                            : t("webhooks.deliveries")}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary"
                          disabled={action.busy || !webhook.active}
                          onClick={() => void sendTest(webhook)}
                        >
                          {t("webhooks.test")}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary"
                          disabled={action.busy}
                          onClick={() => void setActive(webhook, !webhook.active)}
                        >
                          {t(webhook.active ? "webhooks.pause" : "webhooks.resume")}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => toggle(webhook.id, "delete")}
                        >
                          {t("webhooks.delete")}
                        </button>
                      </div>
                    </td>
                  </tr>
                  {open?.id === webhook.id ? (
                    <tr>
                      <td colSpan={columns}>
                        {open.panel === "deliveries" ? (
                          <WebhookDeliveries key={action.message ?? ""} subscription={webhook} />
                        ) : (
                          <DeleteConfirm
                            webhook={webhook}
                            action={action}
                            onDone={() => {
                              setOpen(null);
                              webhooks.reload();
                            }}
                            onCancel={() => setOpen(null)}
                          />
                        )}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <WebhookForm
        onCreated={(result) => {
          setCreated(result);
          webhooks.reload();
        }}
      />
    </section>
  );
}

function eventTypeLabel(type: string, t: ReturnType<typeof useI18n>["t"]): string {
  const known = webhookEventTypes.find((one) => one === type);
  return known ? t(`eventType.${known}`) : type;
}

function DeleteConfirm({
  webhook,
  action,
  onDone,
  onCancel,
}: {
  webhook: WebhookSubscriptionDto;
  action: Action;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  async function confirm() {
    const ok = await action.run(async () => {
      await deleteWebhook(webhook.id);
      return t("webhooks.deleted", { name: webhook.name });
    });
    if (ok) onDone();
  }
  return (
    <div className="confirm">
      <p>{t("webhooks.deleteConfirm", { name: webhook.name })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={action.busy}
          onClick={() => void confirm()}
        >
          {t("webhooks.delete")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}

function WebhookForm({ onCreated }: { onCreated: (created: WebhookSubscriptionCreated) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const [active, setActive] = useState(true);
  const problems = issuesByField(action.error, ["name", "url", "eventTypes"] as const);

  function toggleType(type: WebhookEventType, on: boolean) {
    setEventTypes((current) => (on ? [...current, type] : current.filter((one) => one !== type)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await action.run(async () => {
      const created = await createWebhook({ name, url, eventTypes, active });
      onCreated(created);
      setName("");
      setUrl("");
      setEventTypes([]);
      setActive(true);
      return t("webhooks.createdMessage", { name: created.subscription.name });
    });
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="webhook-form-heading">
      <h3 id="webhook-form-heading">{t("webhooks.createHeading")}</h3>
      <ErrorSummary error={action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      <TextField
        id="webhook-name"
        label={t("webhooks.name")}
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
        error={problems.name}
        required
      />
      <TextField
        id="webhook-url"
        label={t("webhooks.url")}
        hint={t("webhooks.urlHint")}
        type="url"
        value={url}
        maxLength={2000}
        onChange={(event) => setUrl(event.target.value)}
        error={problems.url}
        required
      />
      <fieldset>
        <legend>{t("webhooks.eventTypes")}</legend>
        {problems.eventTypes ? <p className="field__error">{problems.eventTypes}</p> : null}
        {webhookEventTypes.map((type) => (
          <CheckboxField
            key={type}
            id={`webhook-type-${type}`}
            label={`${t(`eventType.${type}`)} (${type})`}
            checked={eventTypes.includes(type)}
            onChange={(event) => toggleType(type, event.target.checked)}
          />
        ))}
      </fieldset>
      <CheckboxField
        id="webhook-active"
        label={t("webhooks.active")}
        checked={active}
        onChange={(event) => setActive(event.target.checked)}
      />
      <button type="submit" className="button" disabled={action.busy}>
        {t("webhooks.createSubmit")}
      </button>
    </form>
  );
}
