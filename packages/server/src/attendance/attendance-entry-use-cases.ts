import { defaultLeaveTypes, findRulesOn } from "@tobira/core";
import type { AttendanceEntryDto, AttendanceEntryInput } from "@tobira/protocol";
import { conflictingField, invalidField } from "../access/field-errors";
import { listRuleVersions } from "../attendance-rules/rule-version-repository";
import { minutesFromWorkTime } from "../attendance-rules/work-time";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import {
  deleteAttendanceEntry,
  findAttendanceEntry,
  insertAttendanceEntry,
  listAttendanceEntries,
} from "./attendance-entry-repository";
import { assertDayOpen } from "./month-close-state";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

// One of these per day; a second is refused so that what the day says is never ambiguous.
const oncePerDay = new Set<AttendanceEntryInput["kind"]>([
  "punchCorrection",
  "holidayWork",
  "divergenceReason",
]);

/**
 * HR records an approved fact for a person's day directly (on a paper request, or in place of a
 * section head). Checked before anything is stored: the person was employed that day, the month is
 * open, orders come in the rules' unit and do not overlap, leave is of a known type and does not overlap.
 */
export async function recordAttendanceEntry(
  { db, clock }: UseCaseDeps,
  actor: string,
  staffId: number,
  input: AttendanceEntryInput,
): Promise<AttendanceEntryDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom("staff")
      .select(["start_date", "end_date"])
      .where("id", "=", staffId)
      .executeTakeFirst();
    if (!staff) throw notFound(`Staff member ${staffId}`);
    if (input.date < staff.start_date || (staff.end_date !== null && input.date > staff.end_date)) {
      throw invalidField("date", "is outside the person's employment");
    }
    await assertDayOpen(trx, staffId, input.date);
    await checkAgainstTheDay(trx, staffId, input);
    const id = await insertAttendanceEntry(trx, staffId, input, { by: actor, at: now });
    const after = await findAttendanceEntry(trx, id);
    if (!after) throw new Error(`attendance entry ${id} vanished inside its own transaction`);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendance.entryRecorded",
        targetType: "staff",
        targetId: staffId,
        details: { after },
      },
      now,
    );
    return after;
  });
}

export async function removeAttendanceEntry(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findAttendanceEntry(trx, id);
    if (!before) throw notFound("The attendance entry");
    await assertDayOpen(trx, before.staffId, before.date);
    await deleteAttendanceEntry(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendance.entryRemoved",
        targetType: "staff",
        targetId: before.staffId,
        details: { before },
      },
      now,
    );
  });
}

async function checkAgainstTheDay(db: Executor, staffId: number, input: AttendanceEntryInput): Promise<void> {
  const sameDay = (await listAttendanceEntries(db, [staffId], { from: input.date, to: input.date })).filter(
    (entry) => entry.kind === input.kind,
  );
  if (oncePerDay.has(input.kind) && sameDay.length > 0) {
    throw conflictingField("kind", "is already recorded for this day; remove it first to change it");
  }
  if (input.kind === "overtimeOrder") {
    const rules = findRulesOn(await listRuleVersions(db), input.date);
    const unit = rules?.orderUnitMinutes ?? 1;
    const minutes = minutesFromWorkTime(input.end) - minutesFromWorkTime(input.start);
    if (minutes % unit !== 0) throw invalidField("end", `must make the order a multiple of ${unit} minutes`);
  }
  if (input.kind === "leave" && !defaultLeaveTypes.some((type) => type.code === input.leaveType)) {
    throw invalidField("leaveType", "is not a known leave type");
  }
  if (input.kind === "overtimeOrder" || input.kind === "leave") {
    const range = toRange(input.start, input.end);
    const clash = sameDay.some((entry) =>
      entry.kind === "overtimeOrder" || entry.kind === "leave"
        ? overlaps(range, toRange(entry.start, entry.end))
        : false,
    );
    if (clash) throw conflictingField("start", "overlaps another entry of the same kind that day");
  }
}

function toRange(start: string | null, end: string | null): { start: number; end: number } {
  if (start === null || end === null) return { start: 0, end: 48 * 60 };
  return { start: minutesFromWorkTime(start), end: minutesFromWorkTime(end) };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
