import type { Position } from "@tobira/protocol";
import { SelectField } from "./form-fields";

interface PositionSelectProps {
  id: string;
  label: string;
  positions: readonly Position[];
  value: number | null;
  onChange: (positionId: number | null) => void;
  emptyLabel: string;
  error?: string | undefined;
}

/** 職, highest rank first. */
export function PositionSelect({
  id,
  label,
  positions,
  value,
  onChange,
  emptyLabel,
  error,
}: PositionSelectProps) {
  const sorted = positions.toSorted((a, b) => b.rank - a.rank || a.code.localeCompare(b.code));
  return (
    <SelectField
      id={id}
      label={label}
      error={error}
      value={value === null ? "" : String(value)}
      onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
    >
      <option value="">{emptyLabel}</option>
      {sorted.map((position) => (
        <option key={position.id} value={position.id}>
          {position.name}
        </option>
      ))}
    </SelectField>
  );
}
