import { defaultLeaveTypes, iterateLocalDates, type PersonCalendar, type Request } from "@tobira/core";
import type { AttendanceEntryInput } from "@tobira/protocol";
import {
  deleteRequestAttendanceEntries,
  insertRequestAttendanceEntry,
} from "../attendance/attendance-entry-repository";
import { workTimeFromMinutes } from "../attendance-rules/work-time";
import type { Executor } from "../db/transaction";
import { loadPersonCalendar } from "./load-person-calendar";

interface Recorded {
  by: string;
  at: Date;
}

const time = workTimeFromMinutes;

/**
 * The attendance entries an approved request stands for. A result replaces its order's entry; 休日勤務 is
 * an order for its hours plus the day's compensation, and the 振替 or 代休 day becomes a day of leave.
 */
export function listRequestEntries(request: Request, calendar: PersonCalendar): AttendanceEntryInput[] {
  switch (request.kind) {
    case "overtimeOrder":
    case "overtimeResult": {
      const { date, start, end, reason } = request.payload;
      return [{ kind: "overtimeOrder", date, start: time(start), end: time(end), reason }];
    }
    case "holidayWork": {
      const { date, start, end, reason, compensation } = request.payload;
      const entries: AttendanceEntryInput[] = [
        { kind: "overtimeOrder", date, start: time(start), end: time(end), reason },
        { kind: "holidayWork", date, compensation: compensation.kind, reason },
      ];
      if (compensation.kind !== "payment") {
        entries.push({
          kind: "leave",
          date: compensation.date,
          leaveType: compensation.kind,
          start: null,
          end: null,
          reason: `${compensation.kind === "restDaySwap" ? "振替" : "代休"} (${date})`,
        });
      }
      return entries;
    }
    case "leave": {
      const { leaveType, unit, date, to, start, end } = request.payload;
      // 年休の利用目的は問わない: an entry still says what it is, so the type's name stands in.
      const reason = request.payload.reason.trim() || nameOfLeaveType(leaveType);
      if (unit !== "day") {
        return [
          {
            kind: "leave",
            date,
            leaveType,
            start: start === undefined ? null : time(start),
            end: end === undefined ? null : time(end),
            reason,
          },
        ];
      }
      // Only the days the person is scheduled to work are taken; rest days inside a run stay rest days.
      return [...iterateLocalDates(date, to ?? date)]
        .filter((day) => calendar.scheduleOn(day) !== null)
        .map((day) => ({ kind: "leave", date: day, leaveType, start: null, end: null, reason }));
    }
    case "punchCorrection": {
      const { date, clockIn, clockOut, reason } = request.payload;
      return [
        {
          kind: "punchCorrection",
          date,
          clockIn: clockIn === null ? null : time(clockIn),
          clockOut: clockOut === null ? null : time(clockOut),
          reason,
        },
      ];
    }
    case "compensatoryTime": {
      const { date, start, end, fromMonth } = request.payload;
      return [
        {
          kind: "leave",
          date,
          leaveType: "compensatoryTime",
          start: time(start),
          end: time(end),
          reason: `時間外勤務代休時間 (${fromMonth})`,
        },
      ];
    }
  }
}

function nameOfLeaveType(code: string): string {
  return defaultLeaveTypes.find((type) => type.code === code)?.name ?? code;
}

/** Writes an approved request's entries, linked to it; a result takes its order's entry's place. */
export async function writeRequestFacts(
  db: Executor,
  staffId: number,
  request: Request,
  recorded: Recorded,
): Promise<void> {
  const id = Number(request.id);
  if (request.kind === "overtimeResult")
    await deleteRequestAttendanceEntries(db, Number(request.payload.orderId));
  const calendar = await loadPersonCalendar(db, staffId, request.payload.date);
  for (const entry of listRequestEntries(request, calendar)) {
    await insertRequestAttendanceEntry(db, staffId, entry, recorded, id);
  }
}

/**
 * Removes a cancelled request's entries. A cancelled result gives its order back its entry, while the
 * order itself still stands.
 */
export async function removeRequestFacts(
  db: Executor,
  staffId: number,
  request: Request,
  order: Request | undefined,
  recorded: Recorded,
): Promise<void> {
  await deleteRequestAttendanceEntries(db, Number(request.id));
  if (request.kind !== "overtimeResult" || order === undefined) return;
  if (order.state.status !== "approved" && order.state.status !== "cancelPending") return;
  await writeRequestFacts(db, staffId, order, recorded);
}
