import { CheckboxField, SelectField, TextAreaField, TextField } from "../../components/form-fields";
import { type PickedStaff, StaffPicker } from "../../components/staff-picker";
import { useI18n } from "../../i18n/i18n";
import { bereavementRelations, leaveTypeCodes } from "./leave-types";
import { OrderPicker } from "./order-picker";
import type { CompensationKind, LeaveUnit, RequestDraft, RequestField } from "./request-draft";
import { fieldLabel, requestFieldId } from "./request-field-labels";
import { leaveTypeLabel } from "./request-summary";

interface RequestFieldsProps {
  draft: RequestDraft;
  shown: readonly RequestField[];
  update: (field: RequestField, change: Partial<RequestDraft>) => void;
  messageFor: (field: RequestField) => string | undefined;
  /** The "for whom" picker of a section head ordering overtime; null when it does not apply. */
  forStaff: { value: PickedStaff | null; onChange: (staff: PickedStaff | null) => void } | null;
}

const compensationKinds: readonly CompensationKind[] = ["restDaySwap", "compensatoryDay", "payment"];
const leaveUnits: readonly LeaveUnit[] = ["day", "halfDay", "hour"];

/** The fields of the draft's kind, in the order of the paper form. */
export function RequestFields({ draft, shown, update, messageFor, forStaff }: RequestFieldsProps) {
  const { t } = useI18n();
  const has = (field: RequestField) => shown.includes(field);
  const label = (field: RequestField) => fieldLabel(field, draft.kind, t);
  const common = (field: RequestField) => ({
    id: requestFieldId(field),
    label: label(field),
    error: messageFor(field),
  });
  const timeField = (field: "start" | "end" | "clockIn" | "clockOut") => (
    <TextField
      {...common(field)}
      hint={t("request.timeHint")}
      className="input-time"
      inputMode="numeric"
      autoComplete="off"
      value={draft[field]}
      onChange={(event) => update(field, { [field]: event.target.value })}
      required={draft.kind !== "punchCorrection"}
    />
  );
  const dateField = (field: "date" | "to" | "compensation.date", value: string, hint?: string) => (
    <TextField
      {...common(field)}
      type="date"
      hint={hint}
      value={value}
      onChange={(event) => {
        const text = event.target.value;
        if (field === "date") update(field, { date: text });
        else if (field === "to") update(field, { to: text });
        else update(field, { compensationDate: text });
      }}
      required={field !== "to"}
    />
  );

  return (
    <>
      {forStaff === null ? null : (
        <StaffPicker
          id="request-for-staff"
          label={t("request.field.forStaff")}
          value={forStaff.value}
          onChange={forStaff.onChange}
        />
      )}
      {has("orderId") ? (
        <OrderPicker
          {...common("orderId")}
          value={draft.orderId}
          onChange={(orderId, date) => update("orderId", date === null ? { orderId } : { orderId, date })}
        />
      ) : null}
      {has("leaveType") ? (
        <SelectField
          {...common("leaveType")}
          value={draft.leaveType}
          onChange={(event) => update("leaveType", { leaveType: event.target.value })}
          required
        >
          {leaveTypeCodes.map((code) => (
            <option key={code} value={code}>
              {leaveTypeLabel(code, t)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("unit") ? (
        <SelectField
          {...common("unit")}
          value={draft.unit}
          onChange={(event) => {
            const unit = leaveUnits.find((candidate) => candidate === event.target.value);
            if (unit !== undefined) update("unit", { unit });
          }}
          required
        >
          {leaveUnits.map((unit) => (
            <option key={unit} value={unit}>
              {t(`request.unit.${unit}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("fromMonth") ? (
        <TextField
          {...common("fromMonth")}
          type="month"
          hint={t("request.fromMonthHint")}
          value={draft.fromMonth}
          onChange={(event) => update("fromMonth", { fromMonth: event.target.value })}
          required
        />
      ) : null}
      <div className="field-pair">
        {has("date") ? dateField("date", draft.date) : null}
        {has("to") ? dateField("to", draft.to, t("request.toHint")) : null}
      </div>
      <div className="field-pair">
        {has("start") ? timeField("start") : null}
        {has("end") ? timeField("end") : null}
        {has("clockIn") ? timeField("clockIn") : null}
        {has("clockOut") ? timeField("clockOut") : null}
      </div>
      {has("eventId") ? (
        <TextField
          {...common("eventId")}
          hint={t("request.eventIdHint")}
          value={draft.eventId}
          onChange={(event) => update("eventId", { eventId: event.target.value })}
          required
        />
      ) : null}
      {has("relation") ? (
        <SelectField
          {...common("relation")}
          value={draft.relation}
          onChange={(event) => update("relation", { relation: event.target.value })}
          required
        >
          <option value="">{t("form.choose")}</option>
          {bereavementRelations.map((relation) => (
            <option key={relation} value={relation}>
              {t(`request.relation.${relation}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("dependants") ? (
        <TextField
          {...common("dependants")}
          className="input-number"
          inputMode="numeric"
          value={draft.dependants}
          onChange={(event) => update("dependants", { dependants: event.target.value })}
          required
        />
      ) : null}
      {has("reason") ? (
        <TextAreaField
          {...common("reason")}
          value={draft.reason}
          onChange={(event) => update("reason", { reason: event.target.value })}
          required
        />
      ) : null}
      {has("compensation.kind") ? (
        <fieldset className="field" id={requestFieldId("compensation.kind")} tabIndex={-1}>
          <legend>{label("compensation.kind")}</legend>
          {compensationKinds.map((kind) => (
            <div key={kind} className="checkbox">
              <input
                type="radio"
                id={`${requestFieldId("compensation.kind")}-${kind}`}
                name="request-compensation"
                value={kind}
                checked={draft.compensationKind === kind}
                onChange={() => update("compensation.kind", { compensationKind: kind })}
              />
              <label htmlFor={`${requestFieldId("compensation.kind")}-${kind}`}>
                {t(`request.compensation.${kind}`)}
              </label>
            </div>
          ))}
          {messageFor("compensation.kind") === undefined ? null : (
            <p id={`${requestFieldId("compensation.kind")}-error`} className="field__error">
              {messageFor("compensation.kind")}
            </p>
          )}
        </fieldset>
      ) : null}
      {has("compensation.date") ? dateField("compensation.date", draft.compensationDate) : null}
      {has("evidence") ? (
        <CheckboxField
          {...common("evidence")}
          hint={t("request.evidenceHint")}
          checked={draft.evidence}
          onChange={(event) => update("evidence", { evidence: event.target.checked })}
        />
      ) : null}
    </>
  );
}
