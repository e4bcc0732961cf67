import { getMyMonth } from "../../api/attendance";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { navigate, useLocation } from "../../router/history";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { currentMonthInTokyo, isMonth } from "./month-days";
import { MonthPicker } from "./month-picker";
import { StaffMonthView } from "./staff-month-view";

/** 私の勤務: my own month, day by day, with my totals and my overtime against the caps. */
export function MyMonthScreen() {
  const { t } = useI18n();
  const user = useUser();
  const { search } = useLocation();
  const requested = search.get("month");
  const month = isMonth(requested) ? requested : currentMonthInTokyo();
  const staffId = user.staffId;
  const result = useQuery(`my-month:${month}`, (signal) =>
    staffId === null ? Promise.resolve(null) : getMyMonth(month, signal),
  );

  return (
    <>
      <PageHeading title={t("month.myTitle")} />
      {staffId === null ? (
        <p className="empty">{t("month.noStaff")}</p>
      ) : (
        <>
          <MonthPicker
            id="my-month"
            month={month}
            onChange={(next) => navigate(paths.attendanceMeMonth(next), { replace: true })}
          />
          <ErrorSummary error={result.error} />
          {result.loading ? <Loading /> : null}
          {result.data === undefined || result.data === null ? null : (
            <StaffMonthView month={result.data} name={user.displayName} />
          )}
        </>
      )}
    </>
  );
}
