import type { AttendanceEntryDto, AttendanceEntryKind } from "@tobira/protocol";
import type { Translate } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { leaveTypes } from "./entry-draft";

export function entryKindKey(kind: AttendanceEntryKind): MessageKey {
  return `entry.kind.${kind}`;
}

/** A known leave type in words; a code the list does not know is shown as stored. */
export function leaveTypeLabel(code: string, t: Translate): string {
  const known = leaveTypes.find((type) => type === code);
  return known === undefined ? code : t(`entry.leave.${known}`);
}

/** What an entry says beyond its kind and reason: the times, the leave type, the compensation. */
export function describeEntry(entry: AttendanceEntryDto, t: Translate): string {
  switch (entry.kind) {
    case "punchCorrection":
      return [
        entry.clockIn === null ? null : t("entry.detail.clockIn", { time: entry.clockIn }),
        entry.clockOut === null ? null : t("entry.detail.clockOut", { time: entry.clockOut }),
      ]
        .filter((part) => part !== null)
        .join(" ");
    case "overtimeOrder":
      return t("entry.detail.range", { start: entry.start, end: entry.end });
    case "leave": {
      const hours =
        entry.start === null || entry.end === null
          ? t("entry.detail.wholeDay")
          : t("entry.detail.range", { start: entry.start, end: entry.end });
      return `${leaveTypeLabel(entry.leaveType, t)} ${hours}`;
    }
    case "holidayWork":
      return t(`entry.compensation.${entry.compensation}`);
    case "divergenceReason":
      return "";
  }
}
