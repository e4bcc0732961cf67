import type { Department, Position, StaffDetail } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { transferStaff } from "../../api/staff";
import { DepartmentSelect } from "../../components/department-select";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { PositionSelect } from "../../components/position-select";
import { StatusMessage } from "../../components/status-message";
import { todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { issuesByField } from "../../lib/field-errors";

const fields = ["departmentId", "positionId", "effectiveDate", "note"] as const;
type Field = (typeof fields)[number];
const ids: Record<Field, string> = {
  departmentId: "transfer-department",
  positionId: "transfer-position",
  effectiveDate: "transfer-date",
  note: "transfer-note",
};

interface TransferFormProps {
  person: StaffDetail;
  departments: readonly Department[];
  positions: readonly Position[];
  onTransferred: (person: StaffDetail) => void;
}

/** 人事異動: the new 所属/職 from a date; the server ends the current assignment the day before. */
export function TransferForm({ person, departments, positions, onTransferred }: TransferFormProps) {
  const { t } = useI18n();
  const [departmentId, setDepartmentId] = useState<number | null>(null);
  const [positionId, setPositionId] = useState<number | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(todayInTokyo());
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const labels: Record<Field, string> = {
    departmentId: t("transfer.department"),
    positionId: t("transfer.position"),
    effectiveDate: t("transfer.effectiveDate"),
    note: t("transfer.note"),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setDone(false);
    const missing: FieldProblem[] = [];
    if (departmentId === null) {
      missing.push({ id: ids.departmentId, label: labels.departmentId, message: t("form.missing") });
    }
    if (effectiveDate === "") {
      missing.push({ id: ids.effectiveDate, label: labels.effectiveDate, message: t("form.missing") });
    }
    setProblems(missing);
    if (departmentId === null || missing.length > 0) return;

    setBusy(true);
    try {
      const trimmed = note.trim();
      const updated = await transferStaff(person.id, {
        departmentId,
        positionId,
        effectiveDate,
        note: trimmed === "" ? null : trimmed,
      });
      onTransferred(updated);
      setDepartmentId(null);
      setPositionId(null);
      setNote("");
      setDone(true);
    } catch (failure) {
      setError(failure);
      const byField = issuesByField(failure, fields);
      setProblems(
        fields.flatMap((field) => {
          const message = byField[field];
          return message === undefined ? [] : [{ id: ids[field], label: labels[field], message }];
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const problemFor = (field: Field) => problems.find((problem) => problem.id === ids[field])?.message;

  return (
    <section className="panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t("transfer.heading")}</h2>
      <p>{t("transfer.intro")}</p>
      <ErrorSummary error={error} problems={problems} />
      <StatusMessage>{done ? t("transfer.done") : null}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <DepartmentSelect
          id={ids.departmentId}
          label={labels.departmentId}
          departments={departments}
          value={departmentId}
          onChange={setDepartmentId}
          emptyLabel={t("form.choose")}
          error={problemFor("departmentId")}
          required
        />
        <PositionSelect
          id={ids.positionId}
          label={labels.positionId}
          positions={positions}
          value={positionId}
          onChange={setPositionId}
          emptyLabel={t("form.none")}
          error={problemFor("positionId")}
        />
        <TextField
          id={ids.effectiveDate}
          label={labels.effectiveDate}
          type="date"
          value={effectiveDate}
          onChange={(event) => setEffectiveDate(event.target.value)}
          error={problemFor("effectiveDate")}
          required
        />
        <TextField
          id={ids.note}
          label={labels.note}
          hint={t("transfer.noteHint")}
          value={note}
          maxLength={200}
          onChange={(event) => setNote(event.target.value)}
          error={problemFor("note")}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("transfer.submit")}
        </button>
      </form>
    </section>
  );
}
