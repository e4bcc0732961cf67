import type { PortalSummaryDto } from "@tobira/protocol";
import { getMyMonth } from "../../api/attendance";
import { listNotifications } from "../../api/notifications";
import { getPortalSummary, listMyTaps } from "../../api/portal";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { credentialKindKey, credentialStatusKey } from "../../i18n/access-labels";
import { formatInstant, formatLocalDate, todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { CapsChart } from "../attendance/caps-chart";
import { currentMonthInTokyo, formatMonth } from "../attendance/month-days";
import { formatHours } from "../requests/problem-messages";
import {
  certificateNeedsRenewal,
  daysUntil,
  formatLeaveRemaining,
  glanceAtMonth,
  lastDays,
} from "./portal-glance";
import { TapsTable } from "./taps-table";

/** ポータル: my month, my caps, my leave, my requests, my notices, my cards and my taps, on one page. */
export function PortalScreen() {
  const { t } = useI18n();
  const user = useUser();
  const summary = useQuery("portal-summary", (signal) => getPortalSummary(signal));
  return (
    <>
      <PageHeading title={t("portal.title")} />
      <p className="lead">{t("home.welcome", { name: user.displayName })}</p>
      {user.staffId === null ? (
        <p className="empty">{t("month.noStaff")}</p>
      ) : (
        <>
          <MonthPanel />
          <ErrorSummary error={summary.error} />
          {summary.loading && summary.data === undefined ? <Loading /> : null}
          {summary.data === undefined ? null : (
            <>
              <LeaveAndRequestsPanel summary={summary.data} />
              <CardsPanel cards={summary.data.cards} />
            </>
          )}
          <NotificationsPanel />
          <TapsPanel />
        </>
      )}
    </>
  );
}

function MonthPanel() {
  const { t, language } = useI18n();
  const user = useUser();
  const month = currentMonthInTokyo();
  const result = useQuery(`my-month:${month}`, (signal) => getMyMonth(month, signal));
  const glance = result.data === undefined ? null : glanceAtMonth(result.data);
  const monthLabel = formatMonth(month, language);
  return (
    <section className="panel" aria-labelledby="portal-month-heading">
      <h2 id="portal-month-heading">{t("portal.monthHeading", { month: monthLabel })}</h2>
      <ErrorSummary error={result.error} />
      {result.loading && result.data === undefined ? <Loading /> : null}
      {glance === null ? null : (
        <dl className="summary-counts">
          <div>
            <dt>{t("portal.workedDays")}</dt>
            <dd>{t("portal.days", { count: glance.workedDays })}</dd>
          </div>
          <div>
            <dt>{t("portal.workedHours")}</dt>
            <dd>{formatHours(glance.workedMinutes, language)}</dd>
          </div>
          <div>
            <dt>{t("portal.overtime")}</dt>
            <dd>{formatHours(glance.overtimeMinutes, language)}</dd>
          </div>
          <div>
            <dt>{t("portal.daysToCheck")}</dt>
            <dd>{t("portal.days", { count: glance.daysToCheck })}</dd>
          </div>
        </dl>
      )}
      <p>
        <Link to={paths.attendanceMe}>{t("portal.openMyMonth")}</Link>
      </p>
      {result.data === undefined ? null : (
        <CapsChart
          people={[{ staffId: result.data.staffId, name: user.displayName, caps: result.data.caps }]}
          monthLabel={monthLabel}
        />
      )}
    </section>
  );
}

function LeaveAndRequestsPanel({ summary }: { summary: PortalSummaryDto }) {
  const { t, language } = useI18n();
  const leave = summary.annualLeave;
  return (
    <section className="panel" aria-labelledby="portal-leave-heading">
      <h2 id="portal-leave-heading">{t("portal.leaveAndRequests")}</h2>
      <dl className="summary-counts">
        <div>
          <dt>{t("portal.annualLeave")}</dt>
          <dd>
            {leave === null ? t("portal.unknown") : formatLeaveRemaining(leave.remaining, language)}
            {leave === null || leave.carriedRemainingMinutes === 0 ? null : (
              <span className="muted">
                {t("portal.carriedLeave", { hours: formatHours(leave.carriedRemainingMinutes, language) })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("portal.pendingRequests")}</dt>
          <dd>
            {summary.pendingRequests === null
              ? t("portal.unknown")
              : t("common.count", { count: summary.pendingRequests })}
          </dd>
        </div>
      </dl>
      <div className="button-row">
        <Link to={paths.requestNew()} className="button">
          {t("request.new")}
        </Link>
        <Link to={paths.requestsMine} className="button button--secondary">
          {t("nav.requestsMine")}
        </Link>
      </div>
    </section>
  );
}

function CardsPanel({ cards }: { cards: PortalSummaryDto["cards"] }) {
  const { t, language } = useI18n();
  const today = todayInTokyo();
  return (
    <section className="panel" aria-labelledby="portal-cards-heading">
      <h2 id="portal-cards-heading">{t("portal.cardsHeading")}</h2>
      {cards.length === 0 ? <p className="empty">{t("portal.noCards")}</p> : null}
      <ul className="plain-list">
        {cards.map((card) => {
          const daysLeft = daysUntil(card.validTo, today);
          const warn = certificateNeedsRenewal(daysLeft, card.expiresSoon);
          return (
            <li key={card.id}>
              {t(credentialKindKey(card.kind))}（{t(credentialStatusKey(card.status))}）
              {card.validTo === null
                ? null
                : ` ${t("portal.validTo", { date: formatInstant(card.validTo, language) })}`}
              {warn ? (
                <p className="notice">
                  {daysLeft !== null && daysLeft < 0
                    ? t("portal.certificateExpired")
                    : t("portal.certificateExpiresIn", { days: daysLeft ?? "—" })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function NotificationsPanel() {
  const { t, language } = useI18n();
  const list = useQuery("portal-notifications", (signal) => listNotifications(true, signal));
  const items = list.data?.items.slice(0, 5);
  return (
    <section className="panel" aria-labelledby="portal-notifications-heading">
      <h2 id="portal-notifications-heading">
        {t("portal.notificationsHeading")}
        {list.data === undefined ? null : (
          <span className="badge">{t("notifications.unreadCount", { count: list.data.unreadCount })}</span>
        )}
      </h2>
      <ErrorSummary error={list.error} />
      {items !== undefined && items.length === 0 ? (
        <p className="empty">{t("notifications.noneUnread")}</p>
      ) : null}
      {items === undefined || items.length === 0 ? null : (
        <ul className="plain-list">
          {items.map((notification) => (
            <li key={notification.id}>
              {notification.link === null ? (
                notification.title
              ) : (
                <Link to={notification.link}>{notification.title}</Link>
              )}{" "}
              <span className="muted">{formatInstant(notification.createdAt, language)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={paths.notifications}>{t("portal.allNotifications")}</Link>
      </p>
    </section>
  );
}

function TapsPanel() {
  const { t, language } = useI18n();
  const range = lastDays(todayInTokyo(), 7);
  const taps = useQuery(`portal-taps:${range.from}`, (signal) => listMyTaps(range.from, range.to, signal));
  return (
    <section className="panel" aria-labelledby="portal-taps-heading">
      <h2 id="portal-taps-heading">{t("portal.tapsHeading")}</h2>
      <ErrorSummary error={taps.error} />
      {taps.data !== undefined && taps.data.taps.length === 0 ? (
        <p className="empty">{t("portal.noTaps")}</p>
      ) : null}
      {taps.data === undefined || taps.data.taps.length === 0 ? null : (
        <TapsTable
          taps={taps.data.taps}
          caption={t("portal.tapsCaption", {
            from: formatLocalDate(taps.data.from, language),
            to: formatLocalDate(taps.data.to, language),
          })}
        />
      )}
      <p>
        <Link to={paths.portalTaps}>{t("portal.moreTaps")}</Link>
      </p>
    </section>
  );
}
