import type { AttendanceEntryDto, StaffMonthDto } from "@tobira/protocol";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/i18n";
import { CapsChart } from "./caps-chart";
import { MonthCloseState } from "./month-close-state";
import { formatMonth } from "./month-days";
import { MonthDaysTable } from "./month-days-table";
import { MonthEntries } from "./month-entries";
import { MonthTotals } from "./month-totals";

interface StaffMonthViewProps {
  month: StaffMonthDto;
  name: string;
  onDeleteEntry?: ((entry: AttendanceEntryDto) => void) | undefined;
  deleting?: boolean;
  /** Shown under the entries list: the form to add one, for HR. */
  entryForm?: ReactNode;
}

/** One person's month: whether it is closed, the days, the totals, the entries and the caps. */
export function StaffMonthView({ month, name, onDeleteEntry, deleting, entryForm }: StaffMonthViewProps) {
  const { t, language } = useI18n();
  const monthLabel = formatMonth(month.month, language);
  return (
    <>
      <MonthCloseState close={month.close} />
      <MonthDaysTable days={month.days} caption={t("month.daysCaption", { month: monthLabel, name })} />
      <MonthTotals totals={month.totals} />
      <section className="panel" aria-labelledby="month-entries-heading">
        <h2 id="month-entries-heading">{t("month.entriesHeading")}</h2>
        <MonthEntries entries={month.entries} onDelete={onDeleteEntry} busy={deleting} />
        {entryForm}
      </section>
      <CapsChart people={[{ staffId: month.staffId, name, caps: month.caps }]} monthLabel={monthLabel} />
    </>
  );
}
