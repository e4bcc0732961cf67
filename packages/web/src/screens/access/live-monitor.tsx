import type { AccessAlarmDto, AccessLogEntry } from "@tobira/protocol";
import { useEffect, useRef, useState } from "react";
import { listAccessLog, listAlarms } from "../../api/access-events";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { formatDecisionReason } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { holderText, LogRow, LogTableHead } from "./access-log";
import { AccessBreadcrumb } from "./access-overview";
import { OpenAlarmsTable } from "./alarms";

const monitorSize = 50;
const refreshMs = 3000;

interface Snapshot {
  entries: AccessLogEntry[];
  alarms: AccessAlarmDto[];
  at: string;
}

/** ライブモニター: the latest entries every 3 seconds while the tab is shown, open alarms on top. */
export function LiveMonitorScreen() {
  const { t, language } = useI18n();
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [hidden, setHidden] = useState(() => document.hidden);
  const [announcement, setAnnouncement] = useState("");
  const lastSeq = useRef<number | null>(null);
  const translate = useRef(t);
  translate.current = t;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    let stopped = false;

    async function tick() {
      if (stopped || document.hidden) return;
      controller?.abort();
      const current = new AbortController();
      controller = current;
      try {
        const [log, alarms] = await Promise.all([
          listAccessLog({ limit: monitorSize }, current.signal),
          listAlarms(true, current.signal),
        ]);
        if (current.signal.aborted) return;
        const previous = lastSeq.current;
        const newest = log.items.reduce((max, entry) => Math.max(max, entry.seq), previous ?? 0);
        if (previous !== null) {
          const say = translate.current;
          const denials = log.items
            .filter((entry) => entry.seq > previous && entry.granted === false)
            .map((entry) =>
              say("monitor.newDenial", {
                door: entry.doorName ?? entry.readerName ?? "—",
                name: holderText(entry, say),
                reason: formatDecisionReason(entry.reason, say),
              }),
            );
          if (denials.length > 0) setAnnouncement(denials.join("。"));
        }
        lastSeq.current = newest;
        setSnapshot({ entries: log.items, alarms: alarms.items, at: new Date().toISOString() });
        setError(null);
      } catch (failure) {
        if (current.signal.aborted) return;
        setError(failure);
      }
      if (!stopped && !document.hidden) timer = setTimeout(() => void tick(), refreshMs);
    }

    function handleVisibility() {
      setHidden(document.hidden);
      clearTimeout(timer);
      if (document.hidden) controller?.abort();
      else void tick();
    }

    void tick();
    document.addEventListener("visibilitychange", handleVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener("visibilitychange", handleVisibility);
    };
  }, []);

  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.monitor")} />
      <p className="lead">{t("monitor.intro")}</p>
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      <ErrorSummary error={error} />
      {hidden ? <p>{t("monitor.paused")}</p> : null}
      {snapshot === null && error === null ? <Loading /> : null}
      {snapshot !== null ? (
        <>
          <section className="panel" aria-labelledby="monitor-alarms-heading">
            <h2 id="monitor-alarms-heading">{t("monitor.alarmsHeading")}</h2>
            {snapshot.alarms.length === 0 ? (
              <p className="empty">{t("monitor.noAlarms")}</p>
            ) : (
              <OpenAlarmsTable items={snapshot.alarms} />
            )}
          </section>
          <p className="hint">{t("monitor.updatedAt", { time: formatInstant(snapshot.at, language) })}</p>
          {snapshot.entries.length === 0 ? (
            <p className="empty">{t("monitor.none")}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t("monitor.caption")}</caption>
                <LogTableHead />
                <tbody>
                  {snapshot.entries.map((entry) => (
                    <LogRow key={entry.seq} entry={entry} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
