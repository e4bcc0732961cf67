import type { RequestDto } from "@tobira/protocol";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { historyActionKey } from "./request-labels";

/** 経過: who did what, when, why, and for whom when deciding as 代決. */
export function RequestHistory({ history }: { history: RequestDto["history"] }) {
  const { t, language } = useI18n();
  return (
    <section className="panel" aria-labelledby="request-history-heading">
      <h2 id="request-history-heading">{t("request.historyHeading")}</h2>
      <div className="table-scroll">
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t("request.historyHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("request.col.at")}</th>
              <th scope="col">{t("request.col.action")}</th>
              <th scope="col">{t("request.col.actor")}</th>
              <th scope="col">{t("request.col.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry, index) => (
              // History entries have no id of their own; they are appended, never reordered.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at the end.
              <tr key={index}>
                <td className="nowrap">{formatInstant(entry.at, language)}</td>
                <th scope="row">{t(historyActionKey(entry.action))}</th>
                <td>
                  {entry.actor}
                  {entry.actingFor === undefined ? null : (
                    <span className="muted">{t("request.actingForNote", { name: entry.actingFor })}</span>
                  )}
                </td>
                <td className="wrap">{entry.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
