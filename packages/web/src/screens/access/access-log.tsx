import type { AccessLogEntry, AreaDto, DoorDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { listAreas, listDoors } from "../../api/access";
import {
  type AccessLogExportFormat,
  type AccessLogFilter,
  exportAccessLog,
  listAccessLog,
} from "../../api/access-events";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatDecisionReason } from "../../i18n/access-labels";
import { formatInstant, todayInTokyo } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";
import { flattenAreas } from "../../lib/area-tree";
import { saveFile } from "../../lib/save-file";
import { useQuery } from "../../lib/use-query";
import { AccessBreadcrumb } from "./access-overview";

const pageSize = 100;

/** The day after a YYYY-MM-DD date, for a `to` bound that includes the whole last day. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** 許可 / 拒否 for a decision, or what kind of event it was otherwise. */
export function resultText(entry: AccessLogEntry, t: Translate): string {
  if (entry.granted === true) return t("log.granted");
  if (entry.granted === false) return t("log.denied");
  return t(`eventKind.${entry.kind}`);
}

export function holderText(entry: AccessLogEntry, t: Translate): string {
  return entry.holderName ?? entry.holderId ?? t("log.unknownHolder");
}

/** One row of the log, shared with the live monitor. */
export function LogRow({ entry }: { entry: AccessLogEntry }) {
  const { t, language } = useI18n();
  const denied = entry.granted === false;
  return (
    <tr className={denied ? "row--denied" : undefined}>
      <th scope="row" className="nowrap">
        {formatInstant(entry.occurredAt, language)}
      </th>
      <td>{entry.areaName ?? "—"}</td>
      <td>{entry.doorName ?? entry.readerName ?? "—"}</td>
      <td>{holderText(entry, t)}</td>
      <td>{denied ? <strong>{resultText(entry, t)}</strong> : resultText(entry, t)}</td>
      <td>{formatDecisionReason(entry.reason, t)}</td>
    </tr>
  );
}

export function LogTableHead() {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col">{t("common.dateTime")}</th>
        <th scope="col">{t("log.area")}</th>
        <th scope="col">{t("log.door")}</th>
        <th scope="col">{t("log.name")}</th>
        <th scope="col">{t("log.result")}</th>
        <th scope="col">{t("log.reason")}</th>
      </tr>
    </thead>
  );
}

function AreaOptions({ areas }: { areas: readonly AreaDto[] }) {
  return flattenAreas(areas).map(({ area, depth }) => (
    <option key={area.id} value={area.id}>
      {`${"　".repeat(depth)}${area.name}`}
    </option>
  ));
}

function toId(value: string): number | undefined {
  const id = Number(value);
  return value !== "" && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** 入退室記録簿: the access log with filters, paging and the monthly export. */
export function AccessLogScreen() {
  const { t } = useI18n();
  const areas = useQuery("access-areas", (signal) => listAreas(signal));
  const doors = useQuery("access-doors", (signal) => listDoors(signal));
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [result, setResult] = useState("");
  const [areaId, setAreaId] = useState("");
  const [doorId, setDoorId] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [filter, setFilter] = useState<AccessLogFilter>({});
  const [generation, setGeneration] = useState(0);

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isDate(from) && isDate(to) && to < from) {
      setProblems([{ id: "log-to", label: t("log.to"), message: t("log.datesOrder") }]);
      return;
    }
    setProblems([]);
    setFilter({
      from: isDate(from) ? `${from}T00:00:00+09:00` : undefined,
      to: isDate(to) ? `${nextDay(to)}T00:00:00+09:00` : undefined,
      result: result === "granted" || result === "denied" ? result : undefined,
      areaId: toId(areaId),
      doorId: toId(doorId),
    });
    setGeneration((value) => value + 1);
  }

  const areaItems = areas.data?.items ?? [];
  const doorItems: readonly DoorDto[] = doors.data?.items ?? [];
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.log")} />
      <p className="lead">{t("log.intro")}</p>
      <ErrorSummary error={areas.error ?? doors.error} problems={problems} />
      <search aria-label={t("log.filterForm")}>
        <form onSubmit={handleFilter} className="search-form" noValidate>
          <TextField
            id="log-from"
            label={t("log.from")}
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
          <TextField
            id="log-to"
            label={t("log.to")}
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            error={problems.find((problem) => problem.id === "log-to")?.message}
          />
          <SelectField
            id="log-result"
            label={t("log.result")}
            value={result}
            onChange={(event) => setResult(event.target.value)}
          >
            <option value="">{t("log.any")}</option>
            <option value="granted">{t("log.granted")}</option>
            <option value="denied">{t("log.denied")}</option>
          </SelectField>
          <SelectField
            id="log-area"
            label={t("log.area")}
            value={areaId}
            onChange={(event) => setAreaId(event.target.value)}
          >
            <option value="">{t("log.any")}</option>
            <AreaOptions areas={areaItems} />
          </SelectField>
          <SelectField
            id="log-door"
            label={t("log.door")}
            value={doorId}
            onChange={(event) => setDoorId(event.target.value)}
          >
            <option value="">{t("log.any")}</option>
            {doorItems.map((door) => (
              <option key={door.id} value={door.id}>
                {door.name}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <button type="submit" className="button button--secondary">
              {t("log.submit")}
            </button>
          </div>
        </form>
      </search>
      <LogResults key={generation} filter={filter} />
      <LogExportPanel areas={areaItems} />
    </>
  );
}

function LogResults({ filter }: { filter: AccessLogFilter }) {
  const { t } = useI18n();
  const first = useQuery("access-log-first", (signal) =>
    listAccessLog({ ...filter, limit: pageSize }, signal),
  );
  const [more, setMore] = useState<AccessLogEntry[]>([]);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const firstItems = first.data?.items;
  const items = firstItems === undefined ? undefined : [...firstItems, ...more];
  const exhausted = done || (firstItems !== undefined && firstItems.length < pageSize);

  async function loadMore() {
    const last = items?.at(-1);
    if (last === undefined) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const page = await listAccessLog({ ...filter, limit: pageSize, before: last.seq });
      setMore((current) => [...current, ...page.items]);
      if (page.items.length < pageSize) setDone(true);
    } catch (failure) {
      setMoreError(failure);
    } finally {
      setMoreBusy(false);
    }
  }

  return (
    <section aria-label={t("log.caption")}>
      <ErrorSummary error={first.error ?? moreError} />
      {first.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("log.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("log.caption")}</caption>
              <LogTableHead />
              <tbody>
                {items.map((entry) => (
                  <LogRow key={entry.seq} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          {exhausted ? (
            <p>{t("log.end")}</p>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void loadMore()}
                disabled={moreBusy}
              >
                {t("log.more")}
              </button>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

function LogExportPanel({ areas }: { areas: readonly AreaDto[] }) {
  const { t } = useI18n();
  const [month, setMonth] = useState(() => todayInTokyo().slice(0, 7));
  const [areaId, setAreaId] = useState("");
  const [busy, setBusy] = useState<AccessLogExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);

  async function download(format: AccessLogExportFormat) {
    setDone(null);
    setError(null);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      setProblems([{ id: "log-export-month", label: t("log.month"), message: t("form.missing") }]);
      return;
    }
    setProblems([]);
    setBusy(format);
    try {
      const { blob, fileName } = await exportAccessLog(format, month, toId(areaId));
      const name = fileName ?? `access-log-${month}.${format}`;
      saveFile(blob, name);
      setDone(t("export.done", { file: name }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  const formats: readonly { format: AccessLogExportFormat; label: string }[] = [
    { format: "csv", label: t("log.csv") },
    { format: "xlsx", label: t("log.xlsx") },
    { format: "pdf", label: t("log.pdf") },
  ];
  return (
    <section className="panel" aria-labelledby="log-export-heading">
      <h2 id="log-export-heading">{t("log.exportHeading")}</h2>
      <p>{t("log.exportIntro")}</p>
      <ErrorSummary error={error} problems={problems} />
      <TextField
        id="log-export-month"
        label={t("log.month")}
        type="month"
        value={month}
        onChange={(event) => setMonth(event.target.value)}
        error={problems.find((problem) => problem.id === "log-export-month")?.message}
        required
      />
      <SelectField
        id="log-export-area"
        label={t("log.area")}
        value={areaId}
        onChange={(event) => setAreaId(event.target.value)}
      >
        <option value="">{t("log.any")}</option>
        <AreaOptions areas={areas} />
      </SelectField>
      <div className="button-row">
        {formats.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            onClick={() => void download(format)}
            disabled={busy !== null}
          >
            {label}
          </button>
        ))}
      </div>
      <StatusMessage>{busy !== null ? t("export.working") : done}</StatusMessage>
    </section>
  );
}
