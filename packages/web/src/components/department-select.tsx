import type { Department } from "@tobira/protocol";
import { useMemo } from "react";
import { buildDepartmentTree, flattenDepartmentTree } from "../lib/department-tree";
import { SelectField } from "./form-fields";

interface DepartmentSelectProps {
  id: string;
  label: string;
  departments: readonly Department[];
  value: number | null;
  onChange: (departmentId: number | null) => void;
  /** The text of the "no choice" option; without it a department must be chosen. */
  emptyLabel: string;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/** 所属 as one select, indented by level (部 › 課 › 係). */
export function DepartmentSelect({
  id,
  label,
  departments,
  value,
  onChange,
  emptyLabel,
  error,
  required,
  disabled,
}: DepartmentSelectProps) {
  const options = useMemo(() => flattenDepartmentTree(buildDepartmentTree(departments)), [departments]);
  return (
    <SelectField
      id={id}
      label={label}
      error={error}
      required={required}
      disabled={disabled}
      value={value === null ? "" : String(value)}
      onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
    >
      <option value="">{emptyLabel}</option>
      {options.map(({ department, depth }) => (
        <option key={department.id} value={department.id}>
          {"\u3000".repeat(depth)}
          {department.name}
        </option>
      ))}
    </SelectField>
  );
}
