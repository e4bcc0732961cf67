import type { AttendanceEntryDto } from "@tobira/protocol";
import { formatInstant, formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { describeEntry, entryKindKey } from "./entry-labels";

interface MonthEntriesProps {
  entries: readonly AttendanceEntryDto[];
  /** Given when the reader may delete entries (attendance.correct) and the month is open. */
  onDelete?: ((entry: AttendanceEntryDto) => void) | undefined;
  busy?: boolean;
}

/** The facts recorded for the month: corrections, orders, leave, holiday work, divergence reasons. */
export function MonthEntries({ entries, onDelete, busy = false }: MonthEntriesProps) {
  const { t, language } = useI18n();
  if (entries.length === 0) return <p className="empty">{t("month.noEntries")}</p>;
  const sorted = entries.toSorted((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact month-entries">
        <caption>{t("month.entriesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("entry.field.date")}</th>
            <th scope="col">{t("entry.field.kind")}</th>
            <th scope="col">{t("entry.col.detail")}</th>
            <th scope="col">{t("entry.field.reason")}</th>
            <th scope="col">{t("entry.col.recordedBy")}</th>
            {onDelete === undefined ? null : <th scope="col">{t("rules.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((entry) => {
            const date = formatLocalDate(entry.date, language);
            const kind = t(entryKindKey(entry.kind));
            return (
              <tr key={entry.id}>
                <th scope="row">{date}</th>
                <td>{kind}</td>
                <td>{describeEntry(entry, t)}</td>
                <td>{entry.reason}</td>
                <td>
                  {entry.recordedBy}
                  <span className="muted"> {formatInstant(entry.recordedAt, language)}</span>
                </td>
                {onDelete === undefined ? null : (
                  <td>
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={busy}
                      onClick={() => onDelete(entry)}
                    >
                      {t("entry.delete", { date, kind })}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
