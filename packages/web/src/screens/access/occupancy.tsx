import { getMuster, getOccupancy } from "../../api/access-events";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { AccessBreadcrumb } from "./access-overview";

/** 在室状況: who is inside each area, and the 避難確認リスト of everyone in the building, printable. */
export function OccupancyScreen() {
  const { t, language } = useI18n();
  const occupancy = useQuery("access-occupancy", (signal) => getOccupancy(signal));
  const muster = useQuery("access-muster", (signal) => getMuster(signal));
  const areas = occupancy.data?.areas;
  const occupants = areas?.flatMap((area) => area.occupants);
  const everyone = muster.data?.items;

  function reload() {
    occupancy.reload();
    muster.reload();
  }

  return (
    <>
      <div className="no-print">
        <AccessBreadcrumb />
      </div>
      <PageHeading title={t("access.occupancy")} />
      <div className="no-print">
        <p className="lead">{t("occupancy.intro")}</p>
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={reload}>
            {t("occupancy.reload")}
          </button>
        </div>
      </div>
      <ErrorSummary error={occupancy.error ?? muster.error} />
      <section className="panel no-print" aria-labelledby="occupancy-heading">
        <h2 id="occupancy-heading">{t("access.occupancy")}</h2>
        {occupancy.loading && areas === undefined ? <Loading /> : null}
        {areas !== undefined && areas.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("occupancy.summaryCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("log.area")}</th>
                  <th scope="col">{t("occupancy.count")}</th>
                </tr>
              </thead>
              <tbody>
                {areas.map((area) => (
                  <tr key={area.areaId}>
                    <th scope="row">{area.areaName}</th>
                    <td>{t("occupancy.people", { count: area.count })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {occupants !== undefined && occupants.length === 0 ? (
          <p className="empty">{t("occupancy.none")}</p>
        ) : null}
        {occupants !== undefined && occupants.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("occupancy.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("log.area")}</th>
                  <th scope="col">{t("log.name")}</th>
                  <th scope="col">{t("occupancy.door")}</th>
                  <th scope="col">{t("occupancy.enteredAt")}</th>
                </tr>
              </thead>
              <tbody>
                {occupants.map((person) => (
                  <tr key={`${person.areaId}-${person.holderId}`}>
                    <td>{person.areaName}</td>
                    <th scope="row">{person.name ?? person.holderId}</th>
                    <td>{person.doorName}</td>
                    <td className="nowrap">{formatInstant(person.enteredAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="panel muster" aria-labelledby="muster-heading">
        <h2 id="muster-heading">{t("muster.heading")}</h2>
        <p className="no-print">{t("muster.intro")}</p>
        {muster.loading && everyone === undefined ? <Loading /> : null}
        {muster.data !== undefined ? (
          <p>
            {t("muster.total", { count: muster.data.count })}{" "}
            <span className="print-only">
              {t("muster.printedAt", { time: formatInstant(new Date().toISOString(), language) })}
            </span>
          </p>
        ) : null}
        {everyone !== undefined && everyone.length === 0 ? <p className="empty">{t("muster.none")}</p> : null}
        {everyone !== undefined && everyone.length > 0 ? (
          <>
            <div className="button-row no-print">
              <button type="button" className="button" onClick={() => window.print()}>
                {t("muster.print")}
              </button>
            </div>
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t("muster.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("muster.check")}</th>
                    <th scope="col">{t("log.name")}</th>
                    <th scope="col">{t("log.area")}</th>
                    <th scope="col">{t("occupancy.door")}</th>
                    <th scope="col">{t("occupancy.enteredAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {everyone.map((person) => (
                    <tr key={`${person.areaId}-${person.holderId}`}>
                      <td aria-hidden="true" className="muster-check">
                        □
                      </td>
                      <th scope="row">{person.name ?? person.holderId}</th>
                      <td>{person.areaName}</td>
                      <td>{person.doorName}</td>
                      <td className="nowrap">{formatInstant(person.enteredAt, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>
    </>
  );
}
