import { can, type WorkPatternDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import {
  createPatternAssignment,
  deletePatternAssignment,
  listPatternAssignments,
  listWorkPatterns,
} from "../../api/attendance-rules";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { StatusMessage } from "../../components/status-message";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { checkDateRange, DateRangeFields } from "./date-range-fields";
import { formatDuration } from "./work-time";

/** 勤務パターン on the staff screen: which pattern the person works and from when; HR adds and removes. */
export function PatternAssignmentsPanel({ staffId }: { staffId: number }) {
  const { t, language } = useI18n();
  const user = useUser();
  const manage = can(user, "attendanceRules.manage");
  const assignments = useQuery(`pattern-assignments-${staffId}`, (signal) =>
    listPatternAssignments(staffId, signal),
  );
  const removal = useAction();
  const items = assignments.data;

  async function remove(id: number, name: string) {
    if (!window.confirm(t("assignments.confirmDelete", { name }))) return;
    const ok = await removal.run(async () => {
      await deletePatternAssignment(id);
      return t("assignments.deleted", { name });
    });
    if (ok) assignments.reload();
  }

  return (
    <section className="panel" aria-labelledby="pattern-assignments-heading">
      <h2 id="pattern-assignments-heading">{t("attendance.patterns")}</h2>
      <ErrorSummary error={assignments.error ?? removal.error} />
      <StatusMessage>{removal.message}</StatusMessage>
      {assignments.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("assignments.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t("assignments.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("patterns.name")}</th>
              <th scope="col">{t("designations.from")}</th>
              <th scope="col">{t("designations.to")}</th>
              {manage ? <th scope="col">{t("rules.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((assignment) => (
              <tr key={assignment.id}>
                <th scope="row">{assignment.patternName}</th>
                <td>{formatLocalDate(assignment.from, language)}</td>
                <td>
                  {assignment.to === null ? t("designations.open") : formatLocalDate(assignment.to, language)}
                </td>
                {manage ? (
                  <td>
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={removal.busy}
                      onClick={() => void remove(assignment.id, assignment.patternName)}
                    >
                      {t("assignments.delete", { name: assignment.patternName })}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {manage ? <AssignmentFormLoader staffId={staffId} onAdded={assignments.reload} /> : null}
    </section>
  );
}

function AssignmentFormLoader({ staffId, onAdded }: { staffId: number; onAdded: () => void }) {
  const patterns = useQuery("attendance-patterns", (signal) => listWorkPatterns(signal));
  if (patterns.error) return <ErrorSummary error={patterns.error} />;
  if (patterns.data === undefined) return <Loading />;
  return <AssignmentForm staffId={staffId} patterns={patterns.data} onAdded={onAdded} />;
}

interface AssignmentFormProps {
  staffId: number;
  patterns: WorkPatternDto[];
  onAdded: () => void;
}

function AssignmentForm({ staffId, patterns, onAdded }: AssignmentFormProps) {
  const { t } = useI18n();
  const action = useAction();
  const [patternId, setPatternId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pattern = patterns.find((candidate) => String(candidate.id) === patternId);
    const found: FieldProblem[] = [];
    if (pattern === undefined)
      found.push({ id: "assignment-pattern", label: t("patterns.name"), message: t("form.missing") });
    found.push(...checkDateRange("assignment", from, to, t));
    setProblems(found);
    if (found.length > 0 || pattern === undefined) return;
    const ok = await action.run(async () => {
      await createPatternAssignment({ staffId, patternId: pattern.id, from, to: to === "" ? null : to });
      return t("assignments.added", { name: pattern.name });
    });
    if (ok) {
      setPatternId("");
      setFrom("");
      setTo("");
      onAdded();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      className="form subpanel"
      aria-labelledby="assignment-form-heading"
    >
      <h3 id="assignment-form-heading">{t("assignments.addHeading")}</h3>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <SelectField
        id="assignment-pattern"
        label={t("patterns.name")}
        value={patternId}
        onChange={(event) => setPatternId(event.target.value)}
        error={problemFor("assignment-pattern")}
        required
      >
        <option value="">{t("form.choose")}</option>
        {patterns.map((pattern) => (
          <option key={pattern.id} value={pattern.id}>
            {t("assignments.option", { name: pattern.name, hours: formatDuration(pattern.weeklyMinutes) })}
          </option>
        ))}
      </SelectField>
      <DateRangeFields
        idPrefix="assignment"
        from={from}
        to={to}
        onFromChange={setFrom}
        onToChange={setTo}
        problemFor={problemFor}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={action.busy}>
          {t("assignments.add")}
        </button>
      </div>
    </form>
  );
}
