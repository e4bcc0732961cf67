import type { AuditEntry } from "@tobira/protocol";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, language } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{t("audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.seq")}</th>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.details")}</th>
            <th scope="col">{t("audit.hash")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <th scope="row" className="nowrap">
                {entry.seq}
              </th>
              <td className="nowrap">{formatInstant(entry.at, language)}</td>
              <td>{entry.actor ?? t("audit.system")}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.targetType}
                {entry.targetId !== null ? ` #${entry.targetId}` : ""}
              </td>
              <td>
                <code className="wrap">{detailsText(entry.details)}</code>
              </td>
              <td>
                <code>{entry.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details === "string") return details;
  try {
    return JSON.stringify(details);
  } catch {
    return String(details);
  }
}
