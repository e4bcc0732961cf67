import { type AttendanceBook, attendanceBooks, can } from "@tobira/protocol";
import { useState } from "react";
import { type BookFormat, downloadBook, downloadPayroll, type PayrollEncoding } from "../../api/attendance";
import { ErrorSummary } from "../../components/error-summary";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { saveFile } from "../../lib/save-file";
import { useUser } from "../../session/session";

interface MonthDownloadsProps {
  departmentId: number;
  month: string;
  closed: boolean;
}

const bookKeys: Record<AttendanceBook, MessageKey> = {
  attendance: "downloads.book.attendance",
  overtimeOrders: "downloads.book.overtimeOrders",
  leave: "downloads.book.leave",
};

const formats: readonly BookFormat[] = ["pdf", "xlsx"];

/** 出勤簿, 時間外勤務命令簿 and 休暇処理簿 as PDF or Excel; the payroll CSV once the month is closed. */
export function MonthDownloads({ departmentId, month, closed }: MonthDownloadsProps) {
  const { t } = useI18n();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function save(load: () => Promise<{ blob: Blob; fileName: string | null }>, fallbackName: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const { blob, fileName } = await load();
      const name = fileName ?? fallbackName;
      saveFile(blob, name);
      setDone(t("export.done", { file: name }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const payrollButton = (encoding: PayrollEncoding, label: MessageKey) => (
    <button
      type="button"
      className="button button--secondary"
      disabled={busy || !closed}
      onClick={() =>
        void save(() => downloadPayroll(departmentId, month, encoding), `payroll-${month}-${encoding}.csv`)
      }
    >
      {t(label)}
    </button>
  );

  return (
    <section className="panel" aria-labelledby="month-downloads-heading">
      <h2 id="month-downloads-heading">{t("downloads.heading")}</h2>
      <ul className="plain-list">
        {attendanceBooks.map((book) => (
          <li key={book} className="button-row">
            {formats.map((format) => (
              <button
                key={format}
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() =>
                  void save(
                    () => downloadBook(departmentId, month, book, format),
                    `${book}-${month}.${format}`,
                  )
                }
              >
                {t(format === "pdf" ? "downloads.pdf" : "downloads.xlsx", { book: t(bookKeys[book]) })}
              </button>
            ))}
          </li>
        ))}
      </ul>
      {can(user, "payroll.export") ? (
        <>
          <div className="button-row">
            {payrollButton("utf8", "downloads.payrollUtf8")}
            {payrollButton("shift_jis", "downloads.payrollShiftJis")}
          </div>
          {closed ? null : <p className="field__hint">{t("downloads.payrollNeedsClose")}</p>}
        </>
      ) : null}
      <ErrorSummary error={error} />
      <StatusMessage>{busy ? t("export.working") : done}</StatusMessage>
    </section>
  );
}
