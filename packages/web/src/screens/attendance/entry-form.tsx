import { type AttendanceEntryKind, attendanceEntryKinds, holidayCompensations } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { createAttendanceEntry } from "../../api/attendance";
import { ApiError } from "../../api/client";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { formatLocalDate } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { useAction } from "../../lib/use-action";
import {
  checkDraft,
  type EntryDraft,
  type EntryField,
  emptyDraft,
  entryMessageKey,
  fieldsOf,
  leaveTypes,
} from "./entry-draft";
import { entryKindKey } from "./entry-labels";
import { datesOfMonth } from "./month-days";

interface EntryFormProps {
  staffId: number;
  month: string;
  /** The day and kind to start from, when the form was opened to fix a problem. */
  initialDate: string | null;
  initialKind: AttendanceEntryKind | null;
  onAdded: () => void;
}

const fieldId = (field: EntryField | "kind" | "wholeDay") => `entry-${field}`;

const labelKeys: Record<EntryField, MessageKey> = {
  date: "entry.field.date",
  clockIn: "entry.field.clockIn",
  clockOut: "entry.field.clockOut",
  start: "entry.field.start",
  end: "entry.field.end",
  leaveType: "entry.field.leaveType",
  compensation: "entry.field.compensation",
  reason: "entry.field.reason",
};

function fieldLabel(field: EntryField, kind: AttendanceEntryKind, t: Translate): string {
  if (field === "reason" && kind === "overtimeOrder") return t("entry.field.work");
  if (field === "reason" && kind === "divergenceReason") return t("entry.field.divergenceReason");
  return t(labelKeys[field]);
}

/** 記録を追加: a punch correction, an overtime order, leave, holiday work or a divergence reason for one day. */
export function EntryForm({ staffId, month, initialDate, initialKind, onAdded }: EntryFormProps) {
  const { t, language } = useI18n();
  const action = useAction();
  const dates = datesOfMonth(month);
  const startDate = initialDate !== null && dates.includes(initialDate) ? initialDate : (dates[0] ?? "");
  const [draft, setDraft] = useState<EntryDraft>(() =>
    emptyDraft(startDate, initialKind ?? "punchCorrection"),
  );
  const [touched, setTouched] = useState<ReadonlySet<EntryField>>(new Set());
  const [submitted, setSubmitted] = useState(false);

  const check = checkDraft(draft);
  const shown = fieldsOf(draft);
  const messageFor = (field: EntryField): string | undefined => {
    if (check.ok || (!submitted && !touched.has(field))) return undefined;
    const message = check.errors[field];
    if (message === undefined) return undefined;
    const key = entryMessageKey(message);
    return key === null ? message : t(key);
  };
  const problems: FieldProblem[] = submitted
    ? shown.flatMap((field) => {
        const message = messageFor(field);
        return message === undefined
          ? []
          : [{ id: fieldId(field), label: fieldLabel(field, draft.kind, t), message }];
      })
    : [];

  function update(field: EntryField, change: Partial<EntryDraft>) {
    setDraft((current) => ({ ...current, ...change }));
    setTouched((current) => new Set(current).add(field));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!check.ok) return;
    const input = check.input;
    const ok = await action.run(async () => {
      await createAttendanceEntry(staffId, input);
      return t("entry.added", {
        date: formatLocalDate(input.date, language),
        kind: t(entryKindKey(input.kind)),
      });
    });
    if (ok) {
      setDraft(emptyDraft(input.date, input.kind));
      setTouched(new Set());
      setSubmitted(false);
      onAdded();
    }
  }

  const closedMonth = action.error instanceof ApiError && action.error.id === "conflict";

  const timeField = (field: "clockIn" | "clockOut" | "start" | "end") => (
    <TextField
      key={field}
      id={fieldId(field)}
      label={fieldLabel(field, draft.kind, t)}
      hint={t("entry.timeHint")}
      className="input-time"
      inputMode="numeric"
      autoComplete="off"
      value={draft[field]}
      onChange={(event) => update(field, { [field]: event.target.value })}
      error={messageFor(field)}
      required={draft.kind !== "punchCorrection"}
    />
  );

  return (
    <section className="subpanel" aria-labelledby="entry-form-heading">
      <h3 id="entry-form-heading">{t("entry.addHeading")}</h3>
      {closedMonth ? (
        <p className="notice" role="alert">
          {t("entry.closedMonth")}
        </p>
      ) : null}
      <ErrorSummary error={closedMonth ? null : action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <SelectField
          id={fieldId("kind")}
          label={t("entry.field.kind")}
          value={draft.kind}
          onChange={(event) => {
            const kind = attendanceEntryKinds.find((candidate) => candidate === event.target.value);
            if (kind !== undefined) setDraft((current) => ({ ...current, kind }));
          }}
        >
          {attendanceEntryKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(entryKindKey(kind))}
            </option>
          ))}
        </SelectField>
        <TextField
          id={fieldId("date")}
          type="date"
          label={fieldLabel("date", draft.kind, t)}
          min={dates[0]}
          max={dates.at(-1)}
          value={draft.date}
          onChange={(event) => update("date", { date: event.target.value })}
          error={messageFor("date")}
          required
        />
        {draft.kind === "leave" ? (
          <>
            <SelectField
              id={fieldId("leaveType")}
              label={fieldLabel("leaveType", draft.kind, t)}
              value={draft.leaveType}
              onChange={(event) => update("leaveType", { leaveType: event.target.value })}
              error={messageFor("leaveType")}
              required
            >
              {leaveTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`entry.leave.${type}`)}
                </option>
              ))}
            </SelectField>
            <CheckboxField
              id={fieldId("wholeDay")}
              label={t("entry.field.wholeDay")}
              checked={draft.wholeDay}
              onChange={(event) => setDraft((current) => ({ ...current, wholeDay: event.target.checked }))}
            />
          </>
        ) : null}
        {draft.kind === "holidayWork" ? (
          <SelectField
            id={fieldId("compensation")}
            label={fieldLabel("compensation", draft.kind, t)}
            value={draft.compensation}
            onChange={(event) => {
              const compensation = holidayCompensations.find((candidate) => candidate === event.target.value);
              if (compensation !== undefined) update("compensation", { compensation });
            }}
            required
          >
            {holidayCompensations.map((compensation) => (
              <option key={compensation} value={compensation}>
                {t(`entry.compensation.${compensation}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="field-pair">
          {shown.flatMap((field) =>
            field === "clockIn" || field === "clockOut" || field === "start" || field === "end"
              ? [timeField(field)]
              : [],
          )}
        </div>
        <TextAreaField
          id={fieldId("reason")}
          label={fieldLabel("reason", draft.kind, t)}
          value={draft.reason}
          onChange={(event) => update("reason", { reason: event.target.value })}
          error={messageFor("reason")}
          required
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy}>
            {t("entry.add")}
          </button>
        </div>
      </form>
    </section>
  );
}
