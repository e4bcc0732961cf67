import type { MonthCloseStateDto } from "@tobira/protocol";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";

/** 締め済み or 未締め, with who closed and reopened the month and why. */
export function MonthCloseState({ close }: { close: MonthCloseStateDto }) {
  const { t, language } = useI18n();
  return (
    <div className="month-close-state">
      <p>
        {t("month.closeState")}
        {close.closed ? (
          <span className="badge badge--current">{t("month.closed")}</span>
        ) : (
          <span className="badge">{t("month.open")}</span>
        )}
      </p>
      {close.history.length > 0 ? (
        <ul className="plain-list">
          {close.history.map((event) => (
            <li key={event.closedAt}>
              {t("month.closedBy", { by: event.closedBy, at: formatInstant(event.closedAt, language) })}
              {event.reopenedAt === null ? null : (
                <>
                  {" "}
                  {t("month.reopenedBy", {
                    by: event.reopenedBy ?? "",
                    at: formatInstant(event.reopenedAt, language),
                    reason: event.reopenReason ?? "",
                  })}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
