import { type AttendanceEntryDto, attendanceEntryKinds, can } from "@tobira/protocol";
import { deleteAttendanceEntry, getStaffMonth } from "../../api/attendance";
import { ApiError } from "../../api/client";
import { getStaff } from "../../api/staff";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { fullName } from "../../lib/names";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { navigate, useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { EntryForm } from "./entry-form";
import { entryKindKey } from "./entry-labels";
import { currentMonthInTokyo, isMonth } from "./month-days";
import { MonthPicker } from "./month-picker";
import { StaffMonthView } from "./staff-month-view";

/** A person's month for HR and section heads; HR also adds and deletes entries while the month is open. */
export function StaffMonthScreen({ id }: { id: number }) {
  const { t, language } = useI18n();
  const user = useUser();
  const correct = can(user, "attendance.correct");
  const { search } = useLocation();
  const requested = search.get("month");
  const month = isMonth(requested) ? requested : currentMonthInTokyo();
  const departmentId = Number(search.get("department"));
  const backDepartment = Number.isSafeInteger(departmentId) && departmentId > 0 ? departmentId : null;
  const fixDate = search.get("date");
  const fixKind = attendanceEntryKinds.find((kind) => kind === search.get("kind")) ?? null;

  const staff = useQuery(`staff:${id}`, (signal) => getStaff(id, signal));
  const result = useQuery(`staff-month:${id}:${month}`, (signal) => getStaffMonth(id, month, signal));
  const removal = useAction();
  const name = staff.data === undefined ? "" : fullName(staff.data);
  const closed = result.data?.close.closed ?? false;

  async function remove(entry: AttendanceEntryDto) {
    const date = formatLocalDate(entry.date, language);
    const kind = t(entryKindKey(entry.kind));
    if (!window.confirm(t("entry.confirmDelete", { date, kind }))) return;
    const ok = await removal.run(async () => {
      await deleteAttendanceEntry(entry.id);
      return t("entry.deleted", { date, kind });
    });
    if (ok) result.reload();
  }

  const removalConflict = removal.error instanceof ApiError && removal.error.id === "conflict";

  return (
    <>
      <PageHeading
        title={
          staff.data === undefined
            ? t("staffMonth.titleUnknown")
            : t("staffMonth.title", { name, number: staff.data.staffNumber })
        }
      >
        {backDepartment === null ? null : (
          <Link
            to={paths.attendanceDepartmentMonth(backDepartment, month)}
            className="button button--secondary"
          >
            {t("staffMonth.back")}
          </Link>
        )}
      </PageHeading>
      <MonthPicker
        id="staff-month"
        month={month}
        onChange={(next) =>
          navigate(
            paths.attendanceStaff(id, next, backDepartment === null ? {} : { department: backDepartment }),
            { replace: true },
          )
        }
      />
      <ErrorSummary error={result.error ?? staff.error ?? (removalConflict ? null : removal.error)} />
      {removalConflict ? (
        <p className="notice" role="alert">
          {t("entry.closedMonth")}
        </p>
      ) : null}
      <StatusMessage>{removal.message}</StatusMessage>
      {result.loading && result.data === undefined ? <Loading /> : null}
      {result.data === undefined ? null : (
        <StaffMonthView
          month={result.data}
          name={name}
          onDeleteEntry={correct && !closed ? (entry) => void remove(entry) : undefined}
          deleting={removal.busy}
          entryForm={
            !correct ? null : closed ? (
              <p className="notice">{t("entry.closedMonth")}</p>
            ) : (
              <EntryForm
                key={`${month}:${fixDate ?? ""}:${fixKind ?? ""}`}
                staffId={id}
                month={month}
                initialDate={fixDate}
                initialKind={fixKind}
                onAdded={result.reload}
              />
            )
          }
        />
      )}
    </>
  );
}
