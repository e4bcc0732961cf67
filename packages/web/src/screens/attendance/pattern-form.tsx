import type { WorkPatternDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { createWorkPattern, updateWorkPattern } from "../../api/attendance-rules";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { CheckboxField, TextField } from "../../components/form-fields";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import {
  type DayProblem,
  type DayRow,
  daysFromRows,
  minutesOfDay,
  readDay,
  rowsFromPattern,
  type WeekdayKey,
  weekdayOrder,
} from "./pattern-days";
import { formatDuration } from "./work-time";

interface PatternFormProps {
  /** Null for a new pattern. */
  pattern: WorkPatternDto | null;
  /** With the message to announce, since the form closes on success. */
  onSaved: (pattern: WorkPatternDto, message: string) => void;
  onCancel: () => void;
}

const dayId = (key: WeekdayKey, part: "off" | "start" | "end" | "breaks") => `pattern-day-${key}-${part}`;

/** 勤務パターン: a row per weekday with start, end and breaks; "31:00" is 7:00 the next morning. */
export function PatternForm({ pattern, onSaved, onCancel }: PatternFormProps) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState(pattern?.name ?? "");
  const [rows, setRows] = useState(() => rowsFromPattern(pattern));
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  const weekday = (key: WeekdayKey) => t(`weekday.${key}`);

  function update(key: WeekdayKey, change: Partial<DayRow>) {
    setRows((current) => ({ ...current, [key]: { ...current[key], ...change } }));
  }

  function problemOf(key: WeekdayKey, problem: DayProblem): FieldProblem {
    const part = problem === "start" || problem === "order" ? "start" : problem === "end" ? "end" : "breaks";
    const label = t(`patterns.${part}Of`, { day: weekday(key) });
    return { id: dayId(key, part), label, message: t(`patterns.problem.${problem}`) };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const trimmed = name.trim();
    if (trimmed === "")
      found.push({ id: "pattern-name", label: t("patterns.name"), message: t("form.missing") });
    const { days, problems: dayProblems } = daysFromRows(rows);
    for (const [key, problem] of dayProblems) found.push(problemOf(key, problem));
    setProblems(found);
    if (found.length > 0) return;
    const body = { name: trimmed, days };
    const result: { saved: WorkPatternDto | null } = { saved: null };
    const message = t("patterns.saved", { name: trimmed });
    await action.run(async () => {
      result.saved =
        pattern === null ? await createWorkPattern(body) : await updateWorkPattern(pattern.id, body);
      return message;
    });
    if (result.saved !== null) onSaved(result.saved, message);
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;
  const weekly = weekdayOrder.reduce((total, key) => {
    const row = rows[key];
    if (row.off) return total;
    const read = readDay(row);
    return "day" in read ? total + minutesOfDay(read.day) : total;
  }, 0);

  return (
    <section className="panel" aria-labelledby="pattern-form-heading">
      <h2 id="pattern-form-heading">
        {pattern === null ? t("patterns.addHeading") : t("patterns.editHeading", { name: pattern.name })}
      </h2>
      <ErrorSummary error={action.error} problems={problems} />
      <form onSubmit={handleSubmit} noValidate className="form pattern-form">
        <TextField
          id="pattern-name"
          label={t("patterns.name")}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problemFor("pattern-name")}
          required
        />
        <p className="field__hint">{t("patterns.timeHint")}</p>
        {weekdayOrder.map((key) => {
          const row = rows[key];
          const day = weekday(key);
          return (
            <fieldset key={key} className="pattern-day">
              <legend>{day}</legend>
              <CheckboxField
                id={dayId(key, "off")}
                label={t("patterns.off", { day })}
                checked={row.off}
                onChange={(event) => update(key, { off: event.target.checked })}
              />
              {row.off ? null : (
                <div className="field-pair time-window">
                  <TextField
                    id={dayId(key, "start")}
                    label={t("patterns.startOf", { day })}
                    className="input-time"
                    placeholder="08:30"
                    maxLength={5}
                    value={row.start}
                    onChange={(event) => update(key, { start: event.target.value })}
                    error={problemFor(dayId(key, "start"))}
                  />
                  <TextField
                    id={dayId(key, "end")}
                    label={t("patterns.endOf", { day })}
                    className="input-time"
                    placeholder="17:15"
                    maxLength={5}
                    value={row.end}
                    onChange={(event) => update(key, { end: event.target.value })}
                    error={problemFor(dayId(key, "end"))}
                  />
                  <TextField
                    id={dayId(key, "breaks")}
                    label={t("patterns.breaksOf", { day })}
                    hint={t("patterns.breaksHint")}
                    placeholder="12:00-13:00"
                    value={row.breaks}
                    onChange={(event) => update(key, { breaks: event.target.value })}
                    error={problemFor(dayId(key, "breaks"))}
                  />
                </div>
              )}
            </fieldset>
          );
        })}
        <p aria-live="polite">{t("patterns.weeklyPreview", { hours: formatDuration(weekly) })}</p>
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy}>
            {pattern === null ? t("patterns.add") : t("patterns.update")}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
