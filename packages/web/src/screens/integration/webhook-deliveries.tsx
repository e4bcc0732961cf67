import type { WebhookSubscriptionDto } from "@tobira/protocol";
import { listWebhookDeliveries } from "../../api/integration";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";

/** 送信記録: a subscription's latest deliveries with their state, attempts and last result. */
export function WebhookDeliveries({ subscription }: { subscription: WebhookSubscriptionDto }) {
  const { t, language } = useI18n();
  const deliveries = useQuery(`webhook-deliveries-${subscription.id}`, (signal) =>
    listWebhookDeliveries(subscription.id, signal),
  );

  return (
    <>
      <ErrorSummary error={deliveries.error} />
      {deliveries.loading && deliveries.data === undefined ? <Loading /> : null}
      {deliveries.data !== undefined && deliveries.data.length === 0 ? (
        <p className="empty">{t("deliveries.none")}</p>
      ) : null}
      {deliveries.data !== undefined && deliveries.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("deliveries.caption", { name: subscription.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deliveries.event")}</th>
                <th scope="col">{t("deliveries.occurredAt")}</th>
                <th scope="col">{t("deliveries.state")}</th>
                <th scope="col">{t("deliveries.attempts")}</th>
                <th scope="col">{t("deliveries.last")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <code>{delivery.eventType}</code>
                    <br />
                    <small>{delivery.eventId}</small>
                  </td>
                  <td>{formatInstant(delivery.occurredAt, language)}</td>
                  <td>
                    {t(`deliveries.state.${delivery.state}`)}
                    {delivery.nextAttemptAt ? (
                      <>
                        <br />
                        <small>
                          {t("deliveries.nextAttempt", {
                            time: formatInstant(delivery.nextAttemptAt, language),
                          })}
                        </small>
                      </>
                    ) : null}
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    {delivery.lastStatus === null
                      ? null
                      : t("deliveries.status", { status: delivery.lastStatus })}
                    {delivery.lastError ? <div>{delivery.lastError}</div> : null}
                    {delivery.lastAttemptAt ? (
                      <small>{formatInstant(delivery.lastAttemptAt, language)}</small>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
