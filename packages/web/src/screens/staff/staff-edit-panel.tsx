import type { StaffDetail } from "@tobira/protocol";
import { useState } from "react";
import { updateStaff } from "../../api/staff";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { emptyToNull, StaffForm, type StaffFormValues } from "./staff-form";

interface StaffEditPanelProps {
  person: StaffDetail;
  onSaved: (person: StaffDetail) => void;
}

/** Personal data only; 所属 and 職 change through a transfer so that history stays true. */
export function StaffEditPanel({ person, onSaved }: StaffEditPanelProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  async function handleSubmit(values: StaffFormValues) {
    const updated = await updateStaff(person.id, {
      familyName: values.familyName.trim(),
      givenName: values.givenName.trim(),
      familyNameKana: values.familyNameKana.trim(),
      givenNameKana: values.givenNameKana.trim(),
      employmentType: values.employmentType,
      startDate: values.startDate,
      endDate: emptyToNull(values.endDate),
      email: emptyToNull(values.email),
      phone: emptyToNull(values.phone),
    });
    onSaved(updated);
    setEditing(false);
    setSaved(true);
  }

  return (
    <section className="panel" aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t("staffEdit.heading")}</h2>
      <StatusMessage>{saved ? t("staffEdit.saved") : null}</StatusMessage>
      {editing ? (
        <StaffForm
          mode="edit"
          initial={{
            staffNumber: person.staffNumber,
            familyName: person.familyName,
            givenName: person.givenName,
            familyNameKana: person.familyNameKana,
            givenNameKana: person.givenNameKana,
            employmentType: person.employmentType,
            startDate: person.startDate,
            endDate: person.endDate ?? "",
            email: person.email ?? "",
            phone: person.phone ?? "",
            departmentId: person.departmentId,
            positionId: null,
          }}
          departments={[]}
          positions={[]}
          submitLabel={t("staffEdit.submit")}
          onSubmit={handleSubmit}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t("staffEdit.open")}
        </button>
      )}
    </section>
  );
}
