import {
  addDays,
  classifyDay,
  compareLocalDates,
  iterateLocalDates,
  type LocalDate,
  toLocalDate,
} from "@tobira/core";
import { appendAccessEvents, type UnchainedAccessEvent } from "../access-events/access-event-chain";
import { findMonthRange } from "../attendance/month-dates";
import { type DoorReader, planMonthTaps, type TapReaders } from "../attendance/plan-month-taps";
import { createSeededRandom } from "../attendance/seeded-random";
import { listTownDays } from "../calendar/town-day-repository";
import type { Executor } from "../db/transaction";

// The demo's approver account heads 企画財政課, so these people's months land on its desk.
const forgetful = { unit: "企画係", nth: 3 };
const lateStayers = [
  { unit: "企画係", nth: 0 },
  { unit: "財政係", nth: 1 },
];

interface DemoStaff {
  id: number;
  start_date: LocalDate;
  end_date: LocalDate | null;
}

/**
 * Gives every demo staff member the taps of the previous month and of this month up to yesterday: a door
 * entry, 出勤, 退勤 and (where the door has an exit reader) a door exit on each workday, none on 休日. One
 * person forgets to clock out once last month and a couple of evenings run late, so the months have
 * something to resolve. Appended through the event chain in the caller's transaction, in time order.
 */
export async function seedDemoAttendance(trx: Executor, now: Date): Promise<void> {
  const today = toLocalDate(now);
  const yesterday = addDays(today, -1);
  const thisMonth = today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const { first } = findMonthRange(lastMonth);
  const holidays = await listHolidays(trx, first, yesterday);
  const readers = await findDemoTapReaders(trx);
  const staff: DemoStaff[] = await trx
    .selectFrom("staff")
    .select(["id", "start_date", "end_date"])
    .orderBy("id")
    .execute();

  const lastMonthWorkdays = [...iterateLocalDates(first, findMonthRange(lastMonth).last)].filter(
    (date) => classifyDay(date, []).kind === "workday" && !holidays.includes(date),
  );
  const workdayAt = (share: number) => lastMonthWorkdays[Math.floor(lastMonthWorkdays.length * share)];
  const forgetfulId = await findUnitMember(trx, forgetful.unit, forgetful.nth);
  const lateEvenings = new Map<number, LocalDate[]>();
  for (const [index, stayer] of lateStayers.entries()) {
    const id = await findUnitMember(trx, stayer.unit, stayer.nth);
    const date = workdayAt(0.25 + index * 0.3);
    if (id !== undefined && date !== undefined) lateEvenings.set(id, [date]);
  }
  const forgottenOn = workdayAt(0.45);

  const events: UnchainedAccessEvent[] = [];
  for (const person of staff) {
    const random = createSeededRandom(20_261_127 + person.id * 7_919);
    const skipDates = [...holidays, ...listUnemployedDates(person, first, yesterday)];
    for (const month of [lastMonth, thisMonth]) {
      events.push(
        ...planMonthTaps({
          staffId: person.id,
          month,
          until: yesterday,
          skipDates,
          readers,
          random,
          ...(person.id === forgetfulId && forgottenOn !== undefined
            ? { missingClockOutOn: forgottenOn }
            : {}),
          lateEvenings: lateEvenings.get(person.id) ?? [],
        }),
      );
    }
  }
  // The chain reads as the readers delivered: in time order across everyone.
  events.sort((a, b) => compareTexts(a.received_at, b.received_at) || compareTexts(a.event_id, b.event_id));
  await appendAccessEvents(trx, events);
}

function compareTexts(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 休日 (national holidays, 年末年始, the town's own) from `from` to `to`: nobody taps. */
async function listHolidays(trx: Executor, from: LocalDate, to: LocalDate): Promise<LocalDate[]> {
  if (compareLocalDates(from, to) > 0) return [];
  const townDays = await listTownDays(trx, from, to);
  return [...iterateLocalDates(from, to)].filter((date) => classifyDay(date, townDays).kind === "holiday");
}

function listUnemployedDates(person: DemoStaff, from: LocalDate, to: LocalDate): LocalDate[] {
  if (compareLocalDates(from, to) > 0) return [];
  return [...iterateLocalDates(from, to)].filter(
    (date) =>
      compareLocalDates(date, person.start_date) < 0 ||
      (person.end_date !== null && compareLocalDates(date, person.end_date) > 0),
  );
}

/** The attendance terminal, the main entrance (and its exit reader, if any) and the holiday entrance. */
async function findDemoTapReaders(trx: Executor): Promise<TapReaders> {
  const readers = await trx
    .selectFrom("access_reader")
    .leftJoin("access_door", "access_door.id", "access_reader.door_id")
    .select([
      "access_reader.id",
      "access_reader.kind",
      "access_reader.side",
      "access_reader.door_id",
      "access_door.name as door_name",
    ])
    .orderBy("access_reader.id")
    .execute();
  const terminal = readers.find((reader) => reader.kind === "attendance");
  const doorReader = (doorName: string, side: "entry" | "exit"): DoorReader | null => {
    const found = readers.find((reader) => reader.door_name === doorName && reader.side === side);
    return found?.door_id ? { readerId: found.id, doorId: found.door_id, side } : null;
  };
  const entry = doorReader("正面玄関", "entry");
  if (terminal === undefined || entry === null)
    throw new Error("the demo building lacks its attendance terminal or its main entrance reader");
  return {
    terminalReaderId: terminal.id,
    entry,
    exit: doorReader("正面玄関", "exit"),
    dayOffEntry: doorReader("休日通用口", "entry") ?? entry,
  };
}

/** The nth current member (0 = first by staff id) of a unit. */
async function findUnitMember(trx: Executor, unit: string, nth: number): Promise<number | undefined> {
  const rows = await trx
    .selectFrom("staff_assignment")
    .innerJoin("department", "department.id", "staff_assignment.department_id")
    .select("staff_assignment.staff_id")
    .where("department.name", "=", unit)
    .where("staff_assignment.valid_to", "is", null)
    .orderBy("staff_assignment.staff_id")
    .limit(nth + 1)
    .execute();
  return rows[nth]?.staff_id;
}
