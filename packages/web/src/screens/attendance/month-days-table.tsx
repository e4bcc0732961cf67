import type { AttendanceDayDto } from "@tobira/protocol";
import { useI18n } from "../../i18n/i18n";
import { describeProblem } from "./day-problems";
import { dayKindKey, dayOfMonth, formatMinutesCell, weekdayShortKey } from "./month-days";

const problemStyle = { color: "var(--error)", background: "var(--error-bg)" };

/** The month day by day, as the 出勤簿 lists it, with each day's problems in words. */
export function MonthDaysTable({ days, caption }: { days: readonly AttendanceDayDto[]; caption: string }) {
  const { t } = useI18n();
  if (days.length === 0) return <p className="empty">{t("month.noDays")}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact month-days">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("month.col.day")}</th>
            <th scope="col">{t("month.col.weekday")}</th>
            <th scope="col">{t("month.col.dayKind")}</th>
            <th scope="col">{t("month.col.clockIn")}</th>
            <th scope="col">{t("month.col.clockOut")}</th>
            <th scope="col">{t("month.col.worked")}</th>
            <th scope="col">{t("month.col.leave")}</th>
            <th scope="col">{t("month.col.overtime")}</th>
            <th scope="col">{t("month.col.night")}</th>
            <th scope="col">{t("month.col.problems")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date} data-date={day.date}>
              <th scope="row">{dayOfMonth(day.date)}</th>
              <td>{t(weekdayShortKey(day.date))}</td>
              <td>{day.dayKind === "workday" ? "" : t(dayKindKey(day.dayKind))}</td>
              <td>{day.clockIn ?? ""}</td>
              <td>{day.clockOut ?? ""}</td>
              <td>{formatMinutesCell(day.workedMinutes)}</td>
              <td>{formatMinutesCell(day.leaveMinutes)}</td>
              <td>{formatMinutesCell(day.overtimeMinutes)}</td>
              <td>{formatMinutesCell(day.nightShiftMinutes)}</td>
              <td>
                {day.problems.map((problem) => {
                  const label = describeProblem(problem);
                  return (
                    <span key={problem.kind} className="badge" style={problemStyle}>
                      {t(label.key, label.params)}
                    </span>
                  );
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
