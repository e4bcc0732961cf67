import type { StaffMonthDto } from "@tobira/protocol";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { bucketKey, rateBuckets, rateTiers } from "./rule-fields";
import { formatDuration } from "./work-time";

type Totals = StaffMonthDto["totals"];

/**
 * The month's totals: overtime per bucket and tier in minutes and in the hours paid (rounded once per
 * month per bucket), night shifts, holiday work, and the day the 60 hours were passed.
 */
export function MonthTotals({ totals }: { totals: Totals }) {
  const { t, language } = useI18n();
  const usedBuckets = rateBuckets.filter((bucket) =>
    rateTiers.some((tier) => totals.minutes[bucket][tier] > 0 || totals.hours[bucket][tier] > 0),
  );
  return (
    <section className="panel" aria-labelledby="month-totals-heading">
      <h2 id="month-totals-heading">{t("month.totalsHeading")}</h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t("month.totals.overtime")}</dt>
          <dd>{formatDuration(totals.overtimeMinutes)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("month.totals.capMinutes")}</dt>
          <dd>{formatDuration(totals.capMinutes)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("month.totals.night")}</dt>
          <dd>
            {t("month.totals.minutesAndHours", {
              minutes: formatDuration(totals.nightShiftMinutes),
              hours: totals.nightShiftHours,
            })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t("month.totals.holidayWork")}</dt>
          <dd>
            {t("month.totals.minutesAndHours", {
              minutes: formatDuration(totals.holidayWorkMinutes),
              hours: totals.holidayWorkHours,
            })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t("month.totals.thresholdMinutes")}</dt>
          <dd>{formatDuration(totals.thresholdMinutes)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("month.totals.over60From")}</dt>
          <dd>
            {totals.over60StartedOn === null
              ? t("month.totals.notOver60")
              : formatLocalDate(totals.over60StartedOn, language)}
          </dd>
        </div>
      </dl>
      {usedBuckets.length === 0 ? (
        <p className="empty">{t("month.totals.noOvertime")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("month.totals.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rules.bucket")}</th>
                {rateTiers.map((tier) => (
                  <th key={`${tier}-minutes`} scope="col">
                    {t("month.totals.tierMinutes", { tier: t(`rules.tier.${tier}`) })}
                  </th>
                ))}
                {rateTiers.map((tier) => (
                  <th key={`${tier}-hours`} scope="col">
                    {t("month.totals.tierHours", { tier: t(`rules.tier.${tier}`) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {usedBuckets.map((bucket) => (
                <tr key={bucket}>
                  <th scope="row">{t(bucketKey(bucket))}</th>
                  {rateTiers.map((tier) => (
                    <td key={`${tier}-minutes`}>{formatDuration(totals.minutes[bucket][tier])}</td>
                  ))}
                  {rateTiers.map((tier) => (
                    <td key={`${tier}-hours`}>{totals.hours[bucket][tier]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
