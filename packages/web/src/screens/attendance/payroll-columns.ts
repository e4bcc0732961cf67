import { type PayrollColumn, type PayrollField, payrollFields } from "@tobira/protocol";
import type { MessageKey } from "../../i18n/ja";
import { bucketKey, type RateBucket, type RateTier, rateBuckets, rateTiers } from "./rule-fields";

/** Editing the payroll file's columns: move, add and remove without touching the others. */

export function moveColumn<T>(columns: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= columns.length || target < 0 || target >= columns.length) return [...columns];
  const next = [...columns];
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}

export function removeColumn<T>(columns: readonly T[], index: number): T[] {
  return columns.filter((_, at) => at !== index);
}

/** A new column for the first field not yet in the file (or the first field when all are used). */
export function nextColumn(
  columns: readonly PayrollColumn[],
  headerFor: (field: PayrollField) => string,
): PayrollColumn {
  const field =
    payrollFields.find((candidate) => !columns.some((column) => column.field === candidate)) ?? "staffNumber";
  return { header: headerFor(field), field };
}

/** How a field is named on screen: its own key, or a bucket, a tier and a unit for the overtime figures. */
export type PayrollFieldLabel =
  | { kind: "plain"; key: MessageKey }
  | { kind: "overtime"; bucket: MessageKey; tier: MessageKey; unit: MessageKey };

const plainKeys: Record<string, MessageKey> = {
  month: "payroll.field.month",
  staffNumber: "payroll.field.staffNumber",
  name: "payroll.field.name",
  departmentCode: "payroll.field.departmentCode",
  departmentName: "payroll.field.departmentName",
  employmentType: "payroll.field.employmentType",
  scheduledMinutes: "payroll.field.scheduledMinutes",
  workedMinutes: "payroll.field.workedMinutes",
  leaveMinutes: "payroll.field.leaveMinutes",
  overtimeMinutes: "payroll.field.overtimeMinutes",
  nightShiftMinutes: "payroll.field.nightShiftMinutes",
  nightShiftHours: "payroll.field.nightShiftHours",
  holidayWorkMinutes: "payroll.field.holidayWorkMinutes",
  holidayWorkHours: "payroll.field.holidayWorkHours",
};

export function payrollFieldLabel(field: PayrollField): PayrollFieldLabel {
  const plain = plainKeys[field];
  if (plain !== undefined) return { kind: "plain", key: plain };
  const [, bucket, tier, unit] = field.split(".");
  const foundBucket = rateBuckets.find((candidate): candidate is RateBucket => candidate === bucket);
  const foundTier = rateTiers.find((candidate): candidate is RateTier => candidate === tier);
  if (foundBucket === undefined || foundTier === undefined) throw new Error(`unknown payroll field ${field}`);
  return {
    kind: "overtime",
    bucket: bucketKey(foundBucket),
    tier: `rules.tier.${foundTier}`,
    unit: unit === "hours" ? "payroll.unit.hours" : "payroll.unit.minutes",
  };
}
