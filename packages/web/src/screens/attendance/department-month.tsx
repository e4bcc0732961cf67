import type { DepartmentMonthDto } from "@tobira/protocol";
import { getDepartmentMonth } from "../../api/attendance";
import { listDepartments } from "../../api/org";
import { DepartmentSelect } from "../../components/department-select";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { navigate, useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { CapsChart } from "./caps-chart";
import { describeProblem, entryKindFor } from "./day-problems";
import { MonthClosePanel } from "./month-close-panel";
import { currentMonthInTokyo, formatMonth, isMonth } from "./month-days";
import { MonthDownloads } from "./month-downloads";
import { MonthPicker } from "./month-picker";
import { formatDuration } from "./work-time";

/** 部署の月次: a department's month, its problems, its people's totals, the close, the books and payroll. */
export function DepartmentMonthScreen() {
  const { t } = useI18n();
  const { search } = useLocation();
  const requested = search.get("month");
  const month = isMonth(requested) ? requested : currentMonthInTokyo();
  const chosen = Number(search.get("department"));
  const departmentId = Number.isSafeInteger(chosen) && chosen > 0 ? chosen : null;
  const departments = useQuery("departments", (signal) => listDepartments(null, signal));

  return (
    <>
      <PageHeading title={t("deptMonth.title")} />
      <div className="toolbar">
        <DepartmentSelect
          id="department-month-department"
          label={t("deptMonth.department")}
          departments={departments.data ?? []}
          value={departmentId}
          onChange={(next) => navigate(paths.attendanceDepartmentMonth(next, month), { replace: true })}
          emptyLabel={t("form.choose")}
        />
        <MonthPicker
          id="department-month-month"
          month={month}
          onChange={(next) =>
            navigate(paths.attendanceDepartmentMonth(departmentId, next), { replace: true })
          }
        />
      </div>
      <ErrorSummary error={departments.error} />
      {departmentId === null ? (
        <p className="empty">{t("deptMonth.chooseDepartment")}</p>
      ) : (
        <DepartmentMonth key={`${departmentId}:${month}`} departmentId={departmentId} month={month} />
      )}
    </>
  );
}

function DepartmentMonth({ departmentId, month }: { departmentId: number; month: string }) {
  const { language } = useI18n();
  const result = useQuery(`department-month:${departmentId}:${month}`, (signal) =>
    getDepartmentMonth(departmentId, month, signal),
  );
  const monthLabel = formatMonth(month, language);
  const data = result.data;
  return (
    <>
      <ErrorSummary error={result.error} />
      {result.loading && data === undefined ? <Loading /> : null}
      {data === undefined ? null : (
        <>
          <MonthClosePanel
            departmentId={departmentId}
            month={month}
            monthLabel={monthLabel}
            close={data.close}
            onChanged={result.reload}
          />
          <ProblemsList data={data} />
          <StaffTotals data={data} />
          <MonthDownloads departmentId={departmentId} month={month} closed={data.close.closed} />
          <CapsChart
            people={data.staff.map((person) => ({
              staffId: person.staffId,
              name: person.name,
              caps: person.caps,
            }))}
            monthLabel={monthLabel}
          />
        </>
      )}
    </>
  );
}

/** 確認事項: every unresolved problem of the month, each leading to the person's month to fix it. */
function ProblemsList({ data }: { data: DepartmentMonthDto }) {
  const { t, language } = useI18n();
  return (
    <section className="panel" aria-labelledby="month-problems-heading">
      <h2 id="month-problems-heading">{t("deptMonth.problemsHeading")}</h2>
      {data.problems.length === 0 ? (
        <p className="empty">{t("deptMonth.noProblems")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact month-problems">
            <caption>{t("deptMonth.problemsCaption", { count: data.problems.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deptMonth.col.staff")}</th>
                <th scope="col">{t("entry.field.date")}</th>
                <th scope="col">{t("deptMonth.col.problem")}</th>
                <th scope="col">{t("rules.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.problems.map((problem) => {
                const label = describeProblem(problem.problem);
                const date = formatLocalDate(problem.date, language);
                return (
                  <tr key={`${problem.staffId}:${problem.date}:${problem.problem.kind}`}>
                    <th scope="row">
                      {problem.name} <span className="muted">{problem.staffNumber}</span>
                    </th>
                    <td>{date}</td>
                    <td>{t(label.key, label.params)}</td>
                    <td>
                      <Link
                        to={paths.attendanceStaff(problem.staffId, data.month, {
                          date: problem.date,
                          kind: entryKindFor(problem.problem),
                          department: data.department.id,
                        })}
                        aria-label={t("deptMonth.fixLabel", { name: problem.name, date })}
                      >
                        {t("deptMonth.fix")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Everyone in the department with the month's figures and the number of problems left. */
function StaffTotals({ data }: { data: DepartmentMonthDto }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="month-staff-heading">
      <h2 id="month-staff-heading">{t("deptMonth.staffHeading")}</h2>
      {data.staff.length === 0 ? (
        <p className="empty">{t("deptMonth.noStaff")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact month-staff">
            <caption>{t("deptMonth.staffCaption", { department: data.department.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deptMonth.col.staffNumber")}</th>
                <th scope="col">{t("deptMonth.col.name")}</th>
                <th scope="col">{t("deptMonth.col.section")}</th>
                <th scope="col">{t("deptMonth.col.scheduled")}</th>
                <th scope="col">{t("month.col.worked")}</th>
                <th scope="col">{t("month.col.leave")}</th>
                <th scope="col">{t("month.col.overtime")}</th>
                <th scope="col">{t("month.col.night")}</th>
                <th scope="col">{t("deptMonth.col.holidayWork")}</th>
                <th scope="col">{t("month.col.problems")}</th>
              </tr>
            </thead>
            <tbody>
              {data.staff.map((person) => (
                <tr key={person.staffId} data-staff-number={person.staffNumber}>
                  <td>{person.staffNumber}</td>
                  <th scope="row">
                    <Link
                      to={paths.attendanceStaff(person.staffId, data.month, {
                        department: data.department.id,
                      })}
                    >
                      {person.name}
                    </Link>
                  </th>
                  <td>{person.departmentName}</td>
                  <td>{formatDuration(person.scheduledMinutes)}</td>
                  <td className="month-staff__worked">{formatDuration(person.workedMinutes)}</td>
                  <td>{formatDuration(person.leaveMinutes)}</td>
                  <td>{formatDuration(person.totals.overtimeMinutes)}</td>
                  <td>{formatDuration(person.totals.nightShiftMinutes)}</td>
                  <td>{formatDuration(person.totals.holidayWorkMinutes)}</td>
                  <td>
                    {person.problemCount === 0 ? "" : t("common.count", { count: person.problemCount })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
