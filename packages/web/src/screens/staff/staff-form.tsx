import { type Department, type EmploymentType, employmentTypes, type Position } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { DepartmentSelect } from "../../components/department-select";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/form-fields";
import { PositionSelect } from "../../components/position-select";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { employmentTypeKey } from "../../i18n/labels";
import { issuesByField } from "../../lib/field-errors";

export interface StaffFormValues {
  staffNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  employmentType: EmploymentType;
  startDate: string;
  endDate: string;
  email: string;
  phone: string;
  departmentId: number | null;
  positionId: number | null;
}

type TextKey = Exclude<keyof StaffFormValues, "employmentType" | "departmentId" | "positionId">;
type FieldKey = keyof StaffFormValues;
const fieldKeys: readonly FieldKey[] = [
  "staffNumber",
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "employmentType",
  "startDate",
  "endDate",
  "email",
  "phone",
  "departmentId",
  "positionId",
];

const labelKeys: Record<FieldKey, MessageKey> = {
  staffNumber: "field.staffNumber",
  familyName: "field.familyName",
  givenName: "field.givenName",
  familyNameKana: "field.familyNameKana",
  givenNameKana: "field.givenNameKana",
  employmentType: "field.employmentType",
  startDate: "field.startDate",
  endDate: "field.endDate",
  email: "field.email",
  phone: "field.phone",
  departmentId: "field.department",
  positionId: "field.position",
};

interface StaffFormProps {
  /** Creating asks for the staff number and first 所属/職; editing leaves those to transfers. */
  mode: "create" | "edit";
  initial: StaffFormValues;
  departments: readonly Department[];
  positions: readonly Position[];
  submitLabel: string;
  onSubmit: (values: StaffFormValues) => Promise<void>;
  onCancel?: () => void;
}

export function StaffForm({
  mode,
  initial,
  departments,
  positions,
  submitLabel,
  onSubmit,
  onCancel,
}: StaffFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: FieldKey) => `staff-${mode}-${field}`;
  const label = (field: FieldKey) => t(labelKeys[field]);

  const required: readonly FieldKey[] =
    mode === "create"
      ? [
          "staffNumber",
          "familyName",
          "givenName",
          "familyNameKana",
          "givenNameKana",
          "startDate",
          "departmentId",
        ]
      : ["familyName", "givenName", "familyNameKana", "givenNameKana", "startDate"];

  function findMissing(): FieldProblem[] {
    return required
      .filter((field) => {
        const value = values[field];
        return value === null || (typeof value === "string" && value.trim() === "");
      })
      .map((field) => ({ id: id(field), label: label(field), message: t("form.missing") }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const missing = findMissing();
    setProblems(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (failure) {
      setError(failure);
      const byField = issuesByField(failure, fieldKeys);
      setProblems(
        fieldKeys.flatMap((field) => {
          const message = byField[field];
          return message === undefined ? [] : [{ id: id(field), label: label(field), message }];
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const problemFor = (field: FieldKey) => problems.find((problem) => problem.id === id(field))?.message;
  const isRequired = (field: FieldKey) => required.includes(field);

  const text = (field: TextKey, extra: { type?: string; autoComplete?: string; hint?: string } = {}) => (
    <TextField
      id={id(field)}
      label={label(field)}
      value={values[field]}
      onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
      error={problemFor(field)}
      required={isRequired(field)}
      {...extra}
    />
  );

  return (
    <form onSubmit={handleSubmit} noValidate className="form">
      <ErrorSummary error={error} problems={problems} />
      {mode === "create"
        ? text("staffNumber", { hint: t("staffForm.staffNumberHint"), autoComplete: "off" })
        : null}
      <div className="field-pair">
        {text("familyName", { autoComplete: "off" })}
        {text("givenName", { autoComplete: "off" })}
      </div>
      <div className="field-pair">
        {text("familyNameKana", { hint: t("staffForm.kanaHint"), autoComplete: "off" })}
        {text("givenNameKana", { hint: t("staffForm.kanaHint"), autoComplete: "off" })}
      </div>
      <SelectField
        id={id("employmentType")}
        label={label("employmentType")}
        value={values.employmentType}
        onChange={(event) => {
          const chosen = employmentTypes.find((type) => type === event.target.value);
          if (chosen !== undefined) setValues((current) => ({ ...current, employmentType: chosen }));
        }}
        error={problemFor("employmentType")}
        required
      >
        {employmentTypes.map((type) => (
          <option key={type} value={type}>
            {t(employmentTypeKey(type))}
          </option>
        ))}
      </SelectField>
      {mode === "create" ? (
        <>
          <DepartmentSelect
            id={id("departmentId")}
            label={label("departmentId")}
            departments={departments}
            value={values.departmentId}
            onChange={(departmentId) => setValues((current) => ({ ...current, departmentId }))}
            emptyLabel={t("form.choose")}
            error={problemFor("departmentId")}
            required
          />
          <PositionSelect
            id={id("positionId")}
            label={label("positionId")}
            positions={positions}
            value={values.positionId}
            onChange={(positionId) => setValues((current) => ({ ...current, positionId }))}
            emptyLabel={t("form.none")}
            error={problemFor("positionId")}
          />
        </>
      ) : null}
      <div className="field-pair">
        {text("startDate", { type: "date" })}
        {text("endDate", { type: "date", hint: t("staffForm.endDateHint") })}
      </div>
      {text("email", { type: "email", autoComplete: "off" })}
      {text("phone", { type: "tel", autoComplete: "off" })}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
