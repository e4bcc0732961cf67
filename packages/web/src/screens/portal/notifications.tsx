import type { NotificationDto } from "@tobira/protocol";
import { useState } from "react";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../../api/notifications";
import { ErrorSummary } from "../../components/error-summary";
import { CheckboxField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { announceNotificationsChanged } from "./use-unread-count";

/** お知らせ: what the system told me, newest first; open one or mark them read. */
export function NotificationsScreen() {
  const { t, language } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery(`notifications:${unreadOnly}`, (signal) => listNotifications(unreadOnly, signal));
  const action = useAction();
  const items = list.data?.items;

  async function markAll() {
    const ok = await action.run(async () => {
      const answer = await markAllNotificationsRead();
      announceNotificationsChanged(answer.unreadCount);
      return t("notifications.markedAll", { count: answer.marked });
    });
    if (ok) list.reload();
  }

  async function markOne(notification: NotificationDto) {
    const ok = await action.run(async () => {
      const answer = await markNotificationRead(notification.id);
      announceNotificationsChanged(answer.unreadCount);
      return t("notifications.marked", { title: notification.title });
    });
    if (ok) list.reload();
  }

  return (
    <>
      <PageHeading title={t("notifications.title")} />
      <div className="toolbar">
        <CheckboxField
          id="notifications-unread-only"
          label={t("notifications.unreadOnly")}
          checked={unreadOnly}
          onChange={(event) => setUnreadOnly(event.target.checked)}
        />
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void markAll()}
            disabled={action.busy || list.data === undefined || list.data.unreadCount === 0}
          >
            {t("notifications.markAll")}
          </button>
        </div>
      </div>
      <ErrorSummary error={list.error ?? action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      {list.loading && items === undefined ? <Loading /> : null}
      {list.data === undefined ? null : (
        <p>{t("notifications.unreadCount", { count: list.data.unreadCount })}</p>
      )}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("notifications.empty")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <ul className="card-list">
          {items.map((notification) => (
            <li key={notification.id} className="card">
              <h2>
                {notification.link === null ? (
                  notification.title
                ) : (
                  <Link to={notification.link}>{notification.title}</Link>
                )}
                {notification.readAt === null ? (
                  <span className="badge">{t("notifications.unread")}</span>
                ) : null}
              </h2>
              <p className="muted">{formatInstant(notification.createdAt, language)}</p>
              <p className="wrap">{notification.body}</p>
              {notification.readAt === null ? (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => void markOne(notification)}
                  disabled={action.busy}
                >
                  {t("notifications.markRead")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
