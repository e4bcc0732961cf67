import type { RuleVersionDto, RuleVersionInput } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { createRuleVersion, updateRuleVersion } from "../../api/attendance-rules";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/form-fields";
import { formatLocalDate, todayInTokyo } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import {
  bucketKey,
  buildRules,
  flattenRules,
  formatRuleValue,
  labelKey,
  mapRateTable,
  type PunchSource,
  parseRuleValue,
  punchSourceKey,
  punchSources,
  type RateBucket,
  type RateTable,
  type RateTier,
  type RuleFieldSpec,
  rateBuckets,
  rateSpec,
  rateTiers,
  ruleGroups,
  type ScalarRuleField,
} from "./rule-fields";

interface RuleFormProps {
  /** The values to start from: the version in force for a new one, the version itself when editing. */
  initial: RuleVersionInput;
  /** Set when editing a future version. */
  editing: RuleVersionDto | null;
  /** With the message to announce, since the form closes on success. */
  onSaved: (version: RuleVersionDto, message: string) => void;
  onCancel: () => void;
}

const effectiveId = "rule-effectiveFrom";
const fieldId = (field: ScalarRuleField) => `rule-${field}`;
const rateId = (bucket: RateBucket, tier: RateTier) => `rule-rate-${bucket}-${tier}`;

/** 規則の新しい版 (or a change to one not yet in force), checked field by field as HR types. */
export function RuleForm({ initial, editing, onSaved, onCancel }: RuleFormProps) {
  const { t, language } = useI18n();
  const action = useAction();
  const [effectiveFrom, setEffectiveFrom] = useState(initial.effectiveFrom);
  const [scalars, setScalars] = useState<Record<ScalarRuleField, string>>(() => {
    const values = flattenRules(initial.rules);
    const kinds = scalarKinds();
    return mapScalars((field) => formatRuleValue(kinds[field].kind, values[field]));
  });
  const [rates, setRates] = useState<RateTable<string>>(() =>
    mapRateTable((bucket, tier) => String(initial.rules.rates[bucket][tier])),
  );
  const [punchSource, setPunchSource] = useState<PunchSource>(initial.rules.punchSource);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [showSummary, setShowSummary] = useState(false);

  const today = todayInTokyo();

  function setError(id: string, message: string | null) {
    setErrors((current) => {
      const next = { ...current };
      if (message === null) delete next[id];
      else next[id] = message;
      return next;
    });
  }

  function checkEffectiveFrom(value: string): string | null {
    if (value === "") return t("rules.invalid.effectiveMissing");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return t("rules.invalid.date");
    if (value <= today) return t("rules.invalid.notFuture", { today: formatLocalDate(today, language) });
    return null;
  }

  function collectProblems(): FieldProblem[] {
    const found: FieldProblem[] = [];
    const dateProblem = checkEffectiveFrom(effectiveFrom);
    if (dateProblem !== null)
      found.push({ id: effectiveId, label: t("rules.effectiveFrom"), message: dateProblem });
    for (const group of ruleGroups)
      for (const spec of group.fields) {
        const message = checkValue(spec, scalars[spec.field], t);
        if (message !== null)
          found.push({ id: fieldId(spec.field), label: fieldLabel(spec.field, t), message });
      }
    for (const bucket of rateBuckets)
      for (const tier of rateTiers) {
        const message = checkValue(rateSpec, rates[bucket][tier], t);
        if (message !== null)
          found.push({ id: rateId(bucket, tier), label: rateLabel(bucket, tier, t), message });
      }
    return found;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = collectProblems();
    setErrors(Object.fromEntries(found.map((problem) => [problem.id, problem.message])));
    setShowSummary(true);
    if (found.length > 0) return;
    const kinds = scalarKinds();
    const numbers = mapScalars((field) => parseRuleValue(kinds[field].kind, scalars[field]) ?? 0);
    const rateNumbers = mapRateTable((bucket, tier) => Number(rates[bucket][tier]));
    const body: RuleVersionInput = { effectiveFrom, rules: buildRules(numbers, rateNumbers, punchSource) };
    const result: { saved: RuleVersionDto | null } = { saved: null };
    const message = t("rules.saved", { date: formatLocalDate(effectiveFrom, language) });
    await action.run(async () => {
      result.saved =
        editing === null ? await createRuleVersion(body) : await updateRuleVersion(editing.id, body);
      return message;
    });
    if (result.saved !== null) onSaved(result.saved, message);
  }

  const problems = showSummary ? collectProblems() : [];

  return (
    <section className="panel" aria-labelledby="rule-form-heading">
      <h2 id="rule-form-heading">
        {editing === null
          ? t("rules.newHeading")
          : t("rules.editHeading", { date: formatLocalDate(editing.effectiveFrom, language) })}
      </h2>
      <p className="lead">{t("rules.formIntro")}</p>
      <ErrorSummary error={action.error} problems={problems} />
      <form onSubmit={handleSubmit} noValidate className="form rule-form">
        <TextField
          id={effectiveId}
          type="date"
          label={t("rules.effectiveFrom")}
          hint={t("rules.effectiveFromHint")}
          value={effectiveFrom}
          onChange={(event) => {
            setEffectiveFrom(event.target.value);
            setError(effectiveId, checkEffectiveFrom(event.target.value));
          }}
          error={errors[effectiveId]}
          required
        />
        <fieldset>
          <legend>{t("rules.group.punchSource")}</legend>
          <SelectField
            id="rule-punchSource"
            label={t("rules.field.punchSource")}
            hint={t("rules.punchSourceHint")}
            value={punchSource}
            onChange={(event) => {
              const source = punchSources.find((candidate) => candidate === event.target.value);
              if (source !== undefined) setPunchSource(source);
            }}
          >
            {punchSources.map((source) => (
              <option key={source} value={source}>
                {t(punchSourceKey(source))}
              </option>
            ))}
          </SelectField>
        </fieldset>
        {ruleGroups.map((group) => (
          <fieldset key={group.legend}>
            <legend>{t(group.legend)}</legend>
            <div className="field-pair rule-form__row">
              {group.fields.map((spec) => (
                <TextField
                  key={spec.field}
                  id={fieldId(spec.field)}
                  label={t(labelKey(spec.field))}
                  hint={hintFor(spec, t)}
                  className={spec.kind === "clock" ? "input-time" : "input-number"}
                  inputMode={spec.kind === "clock" || spec.kind === "hours" ? "text" : "numeric"}
                  value={scalars[spec.field]}
                  onChange={(event) => {
                    const text = event.target.value;
                    setScalars((current) => ({ ...current, [spec.field]: text }));
                    setError(fieldId(spec.field), checkValue(spec, text, t));
                  }}
                  error={errors[fieldId(spec.field)]}
                  required
                />
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset>
          <legend>{t("rules.group.rates")}</legend>
          <p className="field__hint">{t("rules.ratesHint")}</p>
          <div className="table-scroll">
            <table className="data-table data-table--compact rate-table">
              <caption>{t("rules.ratesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rules.bucket")}</th>
                  <th scope="col">{t("rules.tier.upTo60")}</th>
                  <th scope="col">{t("rules.tier.over60")}</th>
                </tr>
              </thead>
              <tbody>
                {rateBuckets.map((bucket) => (
                  <tr key={bucket}>
                    <th scope="row">{t(bucketKey(bucket))}</th>
                    {rateTiers.map((tier) => {
                      const id = rateId(bucket, tier);
                      return (
                        <td key={tier}>
                          <input
                            id={id}
                            className="input-number"
                            inputMode="numeric"
                            aria-label={rateLabel(bucket, tier, t)}
                            aria-invalid={errors[id] ? true : undefined}
                            aria-describedby={errors[id] ? `${id}-error` : undefined}
                            value={rates[bucket][tier]}
                            onChange={(event) => {
                              const text = event.target.value;
                              setRates((current) => ({
                                ...current,
                                [bucket]: { ...current[bucket], [tier]: text },
                              }));
                              setError(id, checkValue(rateSpec, text, t));
                            }}
                          />
                          %
                          {errors[id] ? (
                            <p id={`${id}-error`} className="field__error">
                              {errors[id]}
                            </p>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy}>
            {editing === null ? t("rules.create") : t("rules.update")}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}

function scalarKinds(): Record<ScalarRuleField, RuleFieldSpec> {
  const specs = ruleGroups.flatMap((group) => group.fields);
  return mapScalars((field) => {
    const spec = specs.find((candidate) => candidate.field === field);
    if (spec === undefined) throw new Error(`no form field for ${field}`);
    return spec;
  });
}

function mapScalars<T>(fill: (field: ScalarRuleField) => T): Record<ScalarRuleField, T> {
  return {
    dayBoundaryMinute: fill("dayBoundaryMinute"),
    nightStartMinute: fill("nightStartMinute"),
    nightEndMinute: fill("nightEndMinute"),
    monthlyThresholdMinutes: fill("monthlyThresholdMinutes"),
    roundUpFromMinutes: fill("roundUpFromMinutes"),
    divergenceThresholdMinutes: fill("divergenceThresholdMinutes"),
    orderUnitMinutes: fill("orderUnitMinutes"),
    ordinaryMonthMinutes: fill("ordinaryMonthMinutes"),
    ordinaryYearMinutes: fill("ordinaryYearMinutes"),
    externalMonthMinutesBelow: fill("externalMonthMinutesBelow"),
    externalYearMinutes: fill("externalYearMinutes"),
    externalAverageWindowMinutes: fill("externalAverageWindowMinutes"),
    externalMonthsOverOrdinaryPerYear: fill("externalMonthsOverOrdinaryPerYear"),
    healthNotifyAboveMinutes: fill("healthNotifyAboveMinutes"),
    healthInterviewFromMinutes: fill("healthInterviewFromMinutes"),
    holidayWorkRate: fill("holidayWorkRate"),
    nightShiftRate: fill("nightShiftRate"),
  };
}

function fieldLabel(field: ScalarRuleField, t: Translate): string {
  const group = ruleGroups.find((candidate) => candidate.fields.some((spec) => spec.field === field));
  const name = t(labelKey(field));
  return group === undefined ? name : t("rules.fieldInGroup", { group: t(group.legend), field: name });
}

function rateLabel(bucket: RateBucket, tier: RateTier, t: Translate): string {
  return t("rules.rateLabel", { bucket: t(bucketKey(bucket)), tier: t(`rules.tier.${tier}`) });
}

function hintFor(spec: RuleFieldSpec, t: Translate): string {
  const range = { min: formatRuleValue(spec.kind, spec.min), max: formatRuleValue(spec.kind, spec.max) };
  return t(`rules.hint.${spec.kind}`, range);
}

/** Null when the text is a valid value for the field; otherwise what is wrong, in words. */
function checkValue(spec: Pick<RuleFieldSpec, "kind" | "min" | "max">, text: string, t: Translate) {
  if (text.trim() === "") return t("form.missing");
  const value = parseRuleValue(spec.kind, text);
  if (value === null) return t(`rules.invalid.${spec.kind}`);
  if (value < spec.min || value > spec.max)
    return t("rules.invalid.range", {
      min: formatRuleValue(spec.kind, spec.min),
      max: formatRuleValue(spec.kind, spec.max),
    });
  return null;
}
