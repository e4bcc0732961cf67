import type { HolidayCompensation, LocalDate, MinuteRange, PunchCorrection } from "@tobira/core";
import type { AttendanceEntryDto } from "@tobira/protocol";
import { minutesFromWorkTime } from "../attendance-rules/work-time";

/** What a person's entries say about one work day, in the shapes the daily record takes. */
export interface EntryDayFacts {
  correction?: PunchCorrection;
  leave: MinuteRange[];
  orders: MinuteRange[];
  holidayWork: HolidayCompensation | null;
  divergenceReason: string | null;
}

// Leave for the whole day covers every minute the day could owe (the record intersects it with the schedule).
const wholeWorkDay: MinuteRange = { start: 0, end: 48 * 60 };

/** One person's entries by date. Later entries of the same kind add up (orders, leave) or win (the rest). */
export function groupEntriesByDate(entries: readonly AttendanceEntryDto[]): Map<LocalDate, EntryDayFacts> {
  const days = new Map<LocalDate, EntryDayFacts>();
  for (const entry of entries) {
    let day = days.get(entry.date);
    if (!day) {
      day = { leave: [], orders: [], holidayWork: null, divergenceReason: null };
      days.set(entry.date, day);
    }
    switch (entry.kind) {
      case "punchCorrection":
        day.correction = {
          date: entry.date,
          ...(entry.clockIn === null ? {} : { clockIn: minutesFromWorkTime(entry.clockIn) }),
          ...(entry.clockOut === null ? {} : { clockOut: minutesFromWorkTime(entry.clockOut) }),
        };
        break;
      case "overtimeOrder":
        day.orders.push({ start: minutesFromWorkTime(entry.start), end: minutesFromWorkTime(entry.end) });
        break;
      case "leave":
        day.leave.push(
          entry.start === null || entry.end === null
            ? wholeWorkDay
            : { start: minutesFromWorkTime(entry.start), end: minutesFromWorkTime(entry.end) },
        );
        break;
      case "holidayWork":
        day.holidayWork = entry.compensation;
        break;
      case "divergenceReason":
        day.divergenceReason = entry.reason;
        break;
    }
  }
  return days;
}
