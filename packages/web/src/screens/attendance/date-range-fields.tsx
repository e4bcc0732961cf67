import type { FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { type Translate, useI18n } from "../../i18n/i18n";

/** 開始日 is required; 終了日 may stay empty (open-ended) but not come before it. */
export function checkDateRange(idPrefix: string, from: string, to: string, t: Translate): FieldProblem[] {
  const found: FieldProblem[] = [];
  if (from === "")
    found.push({ id: `${idPrefix}-from`, label: t("designations.from"), message: t("form.missing") });
  if (to !== "" && from !== "" && to < from)
    found.push({
      id: `${idPrefix}-to`,
      label: t("designations.to"),
      message: t("designations.toBeforeFrom"),
    });
  return found;
}

/** The 開始日 / 終了日 pair of a dated assignment or designation. */
export function DateRangeFields(props: {
  idPrefix: string;
  from: string;
  to: string;
  onFromChange: (value: string) => void;
  onToChange: (value: string) => void;
  problemFor: (id: string) => string | undefined;
}) {
  const { t } = useI18n();
  const { idPrefix } = props;
  return (
    <div className="field-pair">
      <TextField
        id={`${idPrefix}-from`}
        type="date"
        label={t("designations.from")}
        value={props.from}
        onChange={(event) => props.onFromChange(event.target.value)}
        error={props.problemFor(`${idPrefix}-from`)}
        required
      />
      <TextField
        id={`${idPrefix}-to`}
        type="date"
        label={t("designations.to")}
        hint={t("designations.toHint")}
        value={props.to}
        onChange={(event) => props.onToChange(event.target.value)}
        error={props.problemFor(`${idPrefix}-to`)}
      />
    </div>
  );
}
