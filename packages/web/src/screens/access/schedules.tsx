import type { ScheduleDto, TimeWindowDto } from "@tobira/protocol";
import { can } from "@tobira/protocol";
import { type FormEvent, useRef, useState } from "react";
import { createSchedule, listSchedules } from "../../api/access";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { type DayType, dayTypeKey, dayTypes, formatWindows } from "../../i18n/access-labels";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { isTimeOfDay } from "../../lib/tokyo-time";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AccessBreadcrumb } from "./access-overview";

/** スケジュール: when doors can be passed on 平日, 週休日 and 休日, and on special days. */
export function SchedulesScreen() {
  const { t } = useI18n();
  const user = useUser();
  const schedules = useQuery("access-schedules", (signal) => listSchedules(signal));
  const items = schedules.data?.items;
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.schedules")} />
      <ErrorSummary error={schedules.error} />
      {schedules.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("schedules.none")}</p> : null}
      {items?.map((schedule) => (
        <ScheduleGrid key={schedule.id} schedule={schedule} />
      ))}
      {can(user, "access.manage") ? <ScheduleForm onAdded={schedules.reload} /> : null}
    </>
  );
}

function ScheduleGrid({ schedule }: { schedule: ScheduleDto }) {
  const { t, language } = useI18n();
  const headingId = `schedule-${schedule.id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{schedule.name}</h2>
      <div className="table-scroll">
        <table className="data-table schedule-grid">
          <caption>{t("schedules.caption", { name: schedule.name })}</caption>
          <thead>
            <tr>
              <td />
              {dayTypes.map((day) => (
                <th key={day} scope="col">
                  {t(dayTypeKey(day))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("schedules.windows")}</th>
              {dayTypes.map((day) => (
                <td key={day}>{formatWindows(schedule.windows[day], t)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {schedule.specialDays.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("schedules.specialCaption", { name: schedule.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("schedules.date")}</th>
                <th scope="col">{t("schedules.windows")}</th>
              </tr>
            </thead>
            <tbody>
              {schedule.specialDays.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{formatLocalDate(day.date, language)}</th>
                  <td>{formatWindows(day.windows, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

interface WindowRow {
  key: number;
  start: string;
  end: string;
}

interface SpecialRow {
  key: number;
  date: string;
  start: string;
  end: string;
}

const emptyWindows = (): Record<DayType, WindowRow[]> => ({ workday: [], weeklyRest: [], holiday: [] });

function ScheduleForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const nextKey = useRef(1);
  const [name, setName] = useState("");
  const [windows, setWindows] = useState<Record<DayType, WindowRow[]>>(() => ({
    workday: [{ key: 0, start: "08:30", end: "17:15" }],
    weeklyRest: [],
    holiday: [],
  }));
  const [specials, setSpecials] = useState<SpecialRow[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  const key = () => {
    nextKey.current += 1;
    return nextKey.current;
  };

  function updateWindow(day: DayType, rowKey: number, change: Partial<WindowRow>) {
    setWindows((current) => ({
      ...current,
      [day]: current[day].map((row) => (row.key === rowKey ? { ...row, ...change } : row)),
    }));
  }

  function updateSpecial(rowKey: number, change: Partial<SpecialRow>) {
    setSpecials((current) => current.map((row) => (row.key === rowKey ? { ...row, ...change } : row)));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const trimmed = name.trim();
    if (trimmed === "")
      found.push({ id: "schedule-name", label: t("schedules.name"), message: t("form.missing") });
    const checkTime = (id: string, label: string, value: string) => {
      if (!isTimeOfDay(value)) found.push({ id, label, message: t("schedules.badTime") });
    };
    for (const day of dayTypes) {
      const label = t(dayTypeKey(day));
      windows[day].forEach((row, index) => {
        const n = index + 1;
        checkTime(`schedule-${day}-${row.key}-start`, t("schedules.start", { label, n }), row.start);
        checkTime(`schedule-${day}-${row.key}-end`, t("schedules.end", { label, n }), row.end);
      });
    }
    specials.forEach((row, index) => {
      const n = index + 1;
      const label = t("schedules.special", { n });
      if (row.date === "")
        found.push({
          id: `special-${row.key}-date`,
          label: t("schedules.specialDate", { n }),
          message: t("form.missing"),
        });
      if (row.start !== "" || row.end !== "") {
        checkTime(`special-${row.key}-start`, t("schedules.start", { label, n: 1 }), row.start);
        checkTime(`special-${row.key}-end`, t("schedules.end", { label, n: 1 }), row.end);
      }
    });
    setProblems(found);
    if (found.length > 0) return;

    const toWindows = (rows: readonly WindowRow[]): TimeWindowDto[] =>
      rows.map((row) => ({ start: row.start, end: row.end }));
    const ok = await action.run(async () => {
      const created = await createSchedule({
        name: trimmed,
        windows: {
          workday: toWindows(windows.workday),
          weeklyRest: toWindows(windows.weeklyRest),
          holiday: toWindows(windows.holiday),
        },
        specialDays: specials.map((row) => ({
          date: row.date,
          windows: row.start === "" && row.end === "" ? [] : [{ start: row.start, end: row.end }],
        })),
      });
      return t("schedules.added", { name: created.name });
    });
    if (ok) {
      setName("");
      setWindows(emptyWindows());
      setSpecials([]);
      onAdded();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="schedule-form-heading">
      <h2 id="schedule-form-heading">{t("schedules.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="schedule-name"
          label={t("schedules.name")}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problemFor("schedule-name")}
          required
        />
        <p className="field__hint">{t("schedules.timeHint")}</p>
        {dayTypes.map((day) => {
          const label = t(dayTypeKey(day));
          return (
            <fieldset key={day}>
              <legend>{label}</legend>
              {windows[day].length === 0 ? <p>{t("schedules.noWindows")}</p> : null}
              {windows[day].map((row, index) => {
                const n = index + 1;
                const base = `schedule-${day}-${row.key}`;
                return (
                  <div key={row.key} className="field-pair time-window">
                    <TextField
                      id={`${base}-start`}
                      label={t("schedules.start", { label, n })}
                      inputMode="numeric"
                      placeholder="08:30"
                      maxLength={5}
                      className="input-time"
                      value={row.start}
                      onChange={(event) => updateWindow(day, row.key, { start: event.target.value })}
                      error={problemFor(`${base}-start`)}
                    />
                    <TextField
                      id={`${base}-end`}
                      label={t("schedules.end", { label, n })}
                      inputMode="numeric"
                      placeholder="17:15"
                      maxLength={5}
                      className="input-time"
                      value={row.end}
                      onChange={(event) => updateWindow(day, row.key, { end: event.target.value })}
                      error={problemFor(`${base}-end`)}
                    />
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() =>
                        setWindows((current) => ({
                          ...current,
                          [day]: current[day].filter((other) => other.key !== row.key),
                        }))
                      }
                    >
                      {t("schedules.removeWindow", { label, n })}
                    </button>
                  </div>
                );
              })}
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  setWindows((current) => ({
                    ...current,
                    [day]: [...current[day], { key: key(), start: "", end: "" }],
                  }))
                }
              >
                {t("schedules.addWindow", { label })}
              </button>
            </fieldset>
          );
        })}
        <fieldset>
          <legend>{t("schedules.specialDays")}</legend>
          <p className="field__hint">{t("schedules.specialHint")}</p>
          {specials.map((row, index) => {
            const n = index + 1;
            const label = t("schedules.special", { n });
            const base = `special-${row.key}`;
            return (
              <div key={row.key} className="field-pair time-window">
                <TextField
                  id={`${base}-date`}
                  label={t("schedules.specialDate", { n })}
                  type="date"
                  value={row.date}
                  onChange={(event) => updateSpecial(row.key, { date: event.target.value })}
                  error={problemFor(`${base}-date`)}
                />
                <TextField
                  id={`${base}-start`}
                  label={t("schedules.start", { label, n: 1 })}
                  inputMode="numeric"
                  maxLength={5}
                  className="input-time"
                  value={row.start}
                  onChange={(event) => updateSpecial(row.key, { start: event.target.value })}
                  error={problemFor(`${base}-start`)}
                />
                <TextField
                  id={`${base}-end`}
                  label={t("schedules.end", { label, n: 1 })}
                  inputMode="numeric"
                  maxLength={5}
                  className="input-time"
                  value={row.end}
                  onChange={(event) => updateSpecial(row.key, { end: event.target.value })}
                  error={problemFor(`${base}-end`)}
                />
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setSpecials((current) => current.filter((other) => other.key !== row.key))}
                >
                  {t("schedules.removeSpecial", { n })}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setSpecials((current) => [...current, { key: key(), date: "", start: "", end: "" }])
            }
          >
            {t("schedules.addSpecial")}
          </button>
        </fieldset>
        <button type="submit" className="button" disabled={action.busy}>
          {t("schedules.submit")}
        </button>
      </form>
    </section>
  );
}
