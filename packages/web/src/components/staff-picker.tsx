import type { StaffSummary } from "@tobira/protocol";
import { useState } from "react";
import { searchStaff } from "../api/staff";
import { useI18n } from "../i18n/i18n";
import { fullName } from "../lib/names";
import { ErrorSummary } from "./error-summary";
import { SelectField, TextField } from "./form-fields";

export interface PickedStaff {
  id: number;
  name: string;
}

interface StaffPickerProps {
  /** Prefix for the controls' ids; the search box is `${id}-q` and the choice is `${id}`. */
  id: string;
  label?: string | undefined;
  value: PickedStaff | null;
  onChange: (staff: PickedStaff | null) => void;
  error?: string | undefined;
  required?: boolean;
}

/** Find a staff member by number or name, then choose one from the matches. */
export function StaffPicker({ id, label, value, onChange, error, required }: StaffPickerProps) {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<readonly StaffSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function find() {
    setFailure(null);
    setBusy(true);
    try {
      const found = await searchStaff({ q, departmentId: null, includeLeft: false, limit: 50, offset: 0 });
      setResults(found.items);
      const first = found.items[0];
      onChange(first === undefined ? null : { id: first.id, name: fullName(first) });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  const options = results ?? [];
  return (
    <div className="staff-picker">
      <ErrorSummary error={failure} />
      <div className="staff-picker__search">
        <TextField
          id={`${id}-q`}
          label={t("picker.search")}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void find();
            }
          }}
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void find()}
          disabled={busy}
        >
          {t("picker.find")}
        </button>
      </div>
      <SelectField
        id={id}
        label={label ?? t("picker.staff")}
        value={value === null ? "" : String(value.id)}
        error={error}
        required={required}
        hint={results !== null && options.length === 0 ? t("picker.noResults") : undefined}
        onChange={(event) => {
          const chosen = options.find((person) => String(person.id) === event.target.value);
          onChange(chosen === undefined ? null : { id: chosen.id, name: fullName(chosen) });
        }}
      >
        <option value="">{results === null ? t("picker.searchFirst") : t("form.choose")}</option>
        {options.map((person) => (
          <option key={person.id} value={person.id}>
            {person.staffNumber} {fullName(person)}
            {person.departmentName ? `（${person.departmentName}）` : ""}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
