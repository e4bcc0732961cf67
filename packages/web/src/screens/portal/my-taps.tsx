import { useState } from "react";
import { listMyTaps } from "../../api/portal";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { formatLocalDate, todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { lastDays } from "./portal-glance";
import { TapsTable } from "./taps-table";

/** 私の打刻・入退室: my taps over up to 31 days. */
export function MyTapsScreen() {
  const { t, language } = useI18n();
  const [range, setRange] = useState(() => lastDays(todayInTokyo(), 31));
  const taps = useQuery(`my-taps:${range.from}:${range.to}`, (signal) =>
    listMyTaps(range.from, range.to, signal),
  );
  return (
    <>
      <PageHeading title={t("portal.tapsTitle")}>
        <Link to={paths.portal} className="button button--secondary">
          {t("portal.back")}
        </Link>
      </PageHeading>
      <p className="lead">{t("portal.tapsIntro")}</p>
      <div className="field-pair">
        <TextField
          id="taps-from"
          type="date"
          label={t("portal.tapsFrom")}
          value={range.from}
          onChange={(event) => setRange((current) => ({ ...current, from: event.target.value }))}
        />
        <TextField
          id="taps-to"
          type="date"
          label={t("portal.tapsTo")}
          value={range.to}
          onChange={(event) => setRange((current) => ({ ...current, to: event.target.value }))}
        />
      </div>
      <ErrorSummary error={taps.error} />
      {taps.loading && taps.data === undefined ? <Loading /> : null}
      {taps.data !== undefined && taps.data.taps.length === 0 ? (
        <p className="empty">{t("portal.noTaps")}</p>
      ) : null}
      {taps.data !== undefined && taps.data.taps.length > 0 ? (
        <TapsTable
          taps={taps.data.taps}
          caption={t("portal.tapsCaption", {
            from: formatLocalDate(taps.data.from, language),
            to: formatLocalDate(taps.data.to, language),
          })}
        />
      ) : null}
    </>
  );
}
