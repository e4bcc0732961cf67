import type { AttendanceEntryDto, AttendanceEntryInput } from "@tobira/protocol";
import type { Selectable } from "kysely";
import { minutesFromWorkTime, workTimeFromMinutes } from "../attendance-rules/work-time";
import type { AttendanceEntryTable } from "../db/schema";
import type { Executor } from "../db/transaction";

type EntryRow = Selectable<AttendanceEntryTable>;

const columns = [
  "id",
  "staff_id",
  "work_date",
  "kind",
  "start_minute",
  "end_minute",
  "leave_type",
  "compensation",
  "reason",
  "recorded_by",
  "recorded_at",
  "request_id",
] as const;

export async function insertAttendanceEntry(
  db: Executor,
  staffId: number,
  input: AttendanceEntryInput,
  recorded: { by: string; at: Date },
): Promise<number> {
  const row = await db
    .insertInto("attendance_entry")
    .values({
      staff_id: staffId,
      work_date: input.date,
      kind: input.kind,
      ...toTimeColumns(input),
      leave_type: input.kind === "leave" ? input.leaveType : null,
      compensation: input.kind === "holidayWork" ? input.compensation : null,
      reason: input.reason,
      recorded_by: recorded.by,
      recorded_at: recorded.at.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAttendanceEntry(db: Executor, id: number): Promise<AttendanceEntryDto | undefined> {
  const row = await db.selectFrom("attendance_entry").select(columns).where("id", "=", id).executeTakeFirst();
  return row && toEntry(row);
}

export async function deleteAttendanceEntry(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("attendance_entry").where("id", "=", id).execute();
}

/** The entries of these people between two dates (inclusive), by person, date and id. */
export async function listAttendanceEntries(
  db: Executor,
  staffIds: readonly number[],
  range: { from: string; to: string },
): Promise<AttendanceEntryDto[]> {
  if (staffIds.length === 0) return [];
  const rows = await db
    .selectFrom("attendance_entry")
    .select(columns)
    .where("staff_id", "in", staffIds)
    .where("work_date", ">=", range.from)
    .where("work_date", "<=", range.to)
    .orderBy("staff_id")
    .orderBy("work_date")
    .orderBy("id")
    .execute();
  return rows.map(toEntry);
}

function toTimeColumns(input: AttendanceEntryInput): {
  start_minute: number | null;
  end_minute: number | null;
} {
  const minute = (time: string | null) => (time === null ? null : minutesFromWorkTime(time));
  switch (input.kind) {
    case "punchCorrection":
      return { start_minute: minute(input.clockIn), end_minute: minute(input.clockOut) };
    case "overtimeOrder":
    case "leave":
      return { start_minute: minute(input.start), end_minute: minute(input.end) };
    case "holidayWork":
    case "divergenceReason":
      return { start_minute: null, end_minute: null };
  }
}

function toEntry(row: EntryRow): AttendanceEntryDto {
  const time = (minute: number | null) => (minute === null ? null : workTimeFromMinutes(minute));
  const meta = {
    id: row.id,
    staffId: row.staff_id,
    date: row.work_date,
    reason: row.reason,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
  switch (row.kind) {
    case "punchCorrection":
      return {
        ...meta,
        kind: "punchCorrection",
        clockIn: time(row.start_minute),
        clockOut: time(row.end_minute),
      };
    case "overtimeOrder":
      return {
        ...meta,
        kind: "overtimeOrder",
        start: workTimeFromMinutes(row.start_minute ?? 0),
        end: workTimeFromMinutes(row.end_minute ?? 0),
      };
    case "leave":
      return {
        ...meta,
        kind: "leave",
        leaveType: row.leave_type ?? "",
        start: time(row.start_minute),
        end: time(row.end_minute),
      };
    case "holidayWork":
      return { ...meta, kind: "holidayWork", compensation: readCompensation(row.compensation) };
    default:
      return { ...meta, kind: "divergenceReason" };
  }
}

function readCompensation(value: string | null): "restDaySwap" | "compensatoryDay" | "payment" {
  return value === "restDaySwap" || value === "compensatoryDay" ? value : "payment";
}

/** An entry written because a request was approved, linked to it so a cancellation removes it again. */
export async function insertRequestAttendanceEntry(
  db: Executor,
  staffId: number,
  input: AttendanceEntryInput,
  recorded: { by: string; at: Date },
  requestId: number,
): Promise<number> {
  const id = await insertAttendanceEntry(db, staffId, input, recorded);
  await db.updateTable("attendance_entry").set({ request_id: requestId }).where("id", "=", id).execute();
  return id;
}

/** The entries a request's approval wrote, by date and id. */
export async function listRequestAttendanceEntries(
  db: Executor,
  requestId: number,
): Promise<AttendanceEntryDto[]> {
  const rows = await db
    .selectFrom("attendance_entry")
    .select(columns)
    .where("request_id", "=", requestId)
    .orderBy("work_date")
    .orderBy("id")
    .execute();
  return rows.map(toEntry);
}

export async function deleteRequestAttendanceEntries(db: Executor, requestId: number): Promise<void> {
  await db.deleteFrom("attendance_entry").where("request_id", "=", requestId).execute();
}
