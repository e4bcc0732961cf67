import { createHash } from "node:crypto";
import {
  compareLocalDates,
  dayOfWeek,
  iterateLocalDates,
  type LocalDate,
  staffCardCredentialKey,
  toEpochDay,
} from "@tobira/core";
import type { UnchainedAccessEvent } from "../access-events/access-event-chain";
import { findMonthRange } from "./month-dates";
import { pickBetween, type SeededRandom } from "./seeded-random";

/** A door reader as configured: its events carry its door and its side, as ingestion records them. */
export interface DoorReader {
  readerId: number;
  doorId: number;
  side: "entry" | "exit";
}

/** The readers a person's taps go through. */
export interface TapReaders {
  /** The attendance terminal (出退勤端末). */
  terminalReaderId: number;
  /** The door they come in by on a workday. */
  entry: DoorReader;
  /** The reader they tap on leaving; null where the door opens outward by its button alone. */
  exit: DoorReader | null;
  /** The door they come in by on a day off (休日通用口); the workday entry when absent. */
  dayOffEntry?: DoorReader;
}

export interface MonthTapPlan {
  staffId: number;
  /** 'YYYY-MM'. */
  month: string;
  /** The last date to plan (yesterday, for the month in progress); the month's last day when absent. */
  until?: LocalDate;
  /** Weekdays nobody works (休日: national holidays, 年末年始, the town's own); never tapped. */
  skipDates: readonly LocalDate[];
  readers: TapReaders;
  random: SeededRandom;
  /** The card the person taps; a staff card named after them when absent. */
  credentialKey?: string;
  /** The share of workdays that run late, 退勤 between 19:00 and 21:00. */
  lateEveningShare?: number;
  /** Workdays that run late whatever the share. */
  lateEvenings?: readonly LocalDate[];
  /** A workday whose 退勤 is forgotten at the terminal (the door still sees the person leave). */
  missingClockOutOn?: LocalDate;
  /** A Saturday worked, from the morning to the early afternoon, through the day-off entrance. */
  saturdayWorkOn?: LocalDate;
}

interface DayTaps {
  entry: DoorReader;
  doorInMinute: number;
  clockInMinute: number;
  clockOutMinute: number | null;
  doorOutMinute: number;
}

const minuteMs = 60_000;
const dayMs = 86_400_000;
// Japan has kept UTC+09:00 without daylight saving time since 1952.
const tokyoOffsetMs = 9 * 60 * minuteMs;
const scheduledStart = 8 * 60 + 30;
const scheduledEnd = 17 * 60 + 15;
// Arrival and departure margins stay within the 30-minute tolerance, so an ordinary day has no problem.
const ordinaryMarginsMinutes = 28;

/**
 * One person's month of taps, as a town hall's readers would have sent them: on each workday a door entry a
 * few minutes before 出勤 (8:15–8:29) at the attendance terminal, 退勤 after 17:15 (19:00–21:00 on a late
 * evening) and a door exit just after it. Returned in time order, not yet linked into the chain; the same
 * plan with a generator seeded the same gives the same taps, event ids included.
 */
export function planMonthTaps(plan: MonthTapPlan): UnchainedAccessEvent[] {
  const { first, last } = findMonthRange(plan.month);
  const until = plan.until === undefined || compareLocalDates(plan.until, last) > 0 ? last : plan.until;
  const skipped = new Set(plan.skipDates);
  const lateEvenings = new Set(plan.lateEvenings ?? []);
  const lateShare = plan.lateEveningShare ?? 0;
  const credentialKey =
    plan.credentialKey ?? staffCardCredentialKey(`S-${String(plan.staffId).padStart(5, "0")}`);
  const events: UnchainedAccessEvent[] = [];
  for (const date of iterateLocalDates(first, until)) {
    if (skipped.has(date)) continue;
    const weekday = dayOfWeek(date);
    let day: DayTaps;
    if (weekday >= 1 && weekday <= 5) {
      // Drawn on every workday, so naming a late evening leaves the other days' taps as they were.
      const late = plan.random() < lateShare || lateEvenings.has(date);
      day = planWorkday(plan.random, plan.readers.entry, late);
    } else if (weekday === 6 && date === plan.saturdayWorkOn) {
      day = planSaturday(plan.random, plan.readers.dayOffEntry ?? plan.readers.entry);
    } else {
      continue;
    }
    if (date === plan.missingClockOutOn) day.clockOutMinute = null;
    events.push(...toEvents(plan, credentialKey, date, day));
  }
  return events;
}

function planWorkday(random: SeededRandom, entry: DoorReader, late: boolean): DayTaps {
  const arrivalMargin = pickBetween(random, 1, 15);
  const clockInMinute = scheduledStart - arrivalMargin;
  const clockOutMinute = late
    ? pickBetween(random, 19 * 60, 21 * 60)
    : scheduledEnd + pickBetween(random, 1, Math.min(25, ordinaryMarginsMinutes - arrivalMargin));
  return {
    entry,
    doorInMinute: clockInMinute - pickBetween(random, 2, 8),
    clockInMinute,
    clockOutMinute,
    doorOutMinute: clockOutMinute + pickBetween(random, 1, 5),
  };
}

function planSaturday(random: SeededRandom, entry: DoorReader): DayTaps {
  const clockInMinute = pickBetween(random, 9 * 60, 9 * 60 + 30);
  const clockOutMinute = pickBetween(random, 12 * 60, 15 * 60);
  return {
    entry,
    doorInMinute: clockInMinute - pickBetween(random, 2, 8),
    clockInMinute,
    clockOutMinute,
    doorOutMinute: clockOutMinute + pickBetween(random, 1, 5),
  };
}

function toEvents(
  plan: MonthTapPlan,
  credentialKey: string,
  date: LocalDate,
  day: DayTaps,
): UnchainedAccessEvent[] {
  const midnightMs = toEpochDay(date) * dayMs - tokyoOffsetMs;
  // Seconds within the minute, so taps do not all fall on :00.
  const at = (minute: number) => midnightMs + minute * minuteMs + pickBetween(plan.random, 0, 59) * 1000;
  const holder = { staffId: plan.staffId, credentialKey, random: plan.random };
  const events = [
    doorEvent(holder, at(day.doorInMinute), day.entry),
    punchEvent(holder, at(day.clockInMinute), plan.readers.terminalReaderId, "in"),
  ];
  if (day.clockOutMinute !== null)
    events.push(punchEvent(holder, at(day.clockOutMinute), plan.readers.terminalReaderId, "out"));
  if (plan.readers.exit !== null) events.push(doorEvent(holder, at(day.doorOutMinute), plan.readers.exit));
  return events;
}

interface Holder {
  staffId: number;
  credentialKey: string;
  random: SeededRandom;
}

function punchEvent(holder: Holder, ms: number, readerId: number, punch: "in" | "out"): UnchainedAccessEvent {
  return tapEvent(holder, ms, `punch-${punch}`, {
    reader_id: readerId,
    door_id: null,
    kind: "punch",
    granted: null,
    reason: null,
    direction: null,
    punch,
  });
}

function doorEvent(holder: Holder, ms: number, reader: DoorReader): UnchainedAccessEvent {
  return tapEvent(holder, ms, `door-${reader.readerId}`, {
    reader_id: reader.readerId,
    door_id: reader.doorId,
    kind: "decision",
    granted: 1,
    reason: "granted",
    direction: reader.side,
    punch: null,
  });
}

type TapSpecifics = Pick<
  UnchainedAccessEvent,
  "reader_id" | "door_id" | "kind" | "granted" | "reason" | "direction" | "punch"
>;

function tapEvent(holder: Holder, ms: number, what: string, specifics: TapSpecifics): UnchainedAccessEvent {
  const occurredAt = new Date(ms).toISOString();
  return {
    event_id: nameBasedUuid(`staff:${holder.staffId}/${occurredAt}/${what}`),
    reader_id: specifics.reader_id,
    door_id: specifics.door_id,
    occurred_at: occurredAt,
    // An online reader delivers within seconds, so the tap counts as live.
    received_at: new Date(ms + pickBetween(holder.random, 1, 3) * 1000).toISOString(),
    kind: specifics.kind,
    credential_key: holder.credentialKey,
    holder_id: `staff:${holder.staffId}`,
    granted: specifics.granted,
    reason: specifics.reason,
    assurance: "tap",
    direction: specifics.direction,
    live: 1,
    sequence: null,
    punch: specifics.punch,
    replaces_event_id: null,
  };
}

// Event ids are name-based (UUID version 5, RFC 9562) so they are unique across people and repeatable:
// a 32-bit generator alone would repeat ids among millions of taps.
const tapNamespace = Buffer.from("6f0c3e2a9b7d4c1e8a5f2d3b4c6e7f80", "hex");

function nameBasedUuid(name: string): string {
  const bytes = createHash("sha1").update(tapNamespace).update(name).digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
