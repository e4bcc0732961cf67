import type { DayKind, LocalDate } from "../calendar/index";
import type { MinuteRange, OvertimeBucket, ScheduledDay } from "./work-rules";

/*
 * 日々の勤務記録: three layers — raw punches and door evidence (facts, never edited), approved requests
 * (orders, leave, corrections), and the daily record derived from both with its reasons.
 */

/** How the day's holiday work is compensated (休日勤務): a swapped rest day, a 代休, or pay. */
export type HolidayCompensation = "restDaySwap" | "compensatoryDay" | "payment";

/** Everything known about one person's one work day, already resolved to minutes of that work day. */
export interface DayFacts {
  date: LocalDate;
  /** The calendar's kind of day (with the town's own days applied). */
  dayKind: DayKind;
  /** True when the date is a Sunday (the legal rest day has its own overtime bucket). */
  sunday: boolean;
  /** The person's scheduled day from their pattern, or null when the pattern has none (their 週休日). */
  scheduled: ScheduledDay | null;
  /**
   * 出勤 and 退勤 as minutes of the work day (after any approved punch correction); null when missing.
   * A clock-out after midnight is past 1440.
   */
  clockIn: number | null;
  clockOut: number | null;
  /** First entry and last exit at any door that day (presence evidence), minutes of the work day. */
  presence: MinuteRange | null;
  /** Approved leave covering parts of the scheduled day (a whole-day leave covers all of it). */
  leave: MinuteRange[];
  /** Approved overtime orders (時間外勤務命令), minutes of the work day. */
  orders: MinuteRange[];
  /** On a 休日 or 週休日: the approved holiday-work order's compensation, or null when none was ordered. */
  holidayWork: HolidayCompensation | null;
  /** The reason given for presence beyond declared work (自己研鑽, 私用, 待機 …), if any. */
  divergenceReason: string | null;
}

export type DayProblem =
  | { kind: "missing_clock_in" }
  | { kind: "missing_clock_out" }
  /** Worked beyond the schedule (or on a rest day) without an order covering it. */
  | { kind: "overtime_without_order"; minutes: number }
  /** Presence at the doors beyond declared work by more than the threshold, with no reason given. */
  | { kind: "divergence"; minutes: number };

export interface DailyRecord {
  date: LocalDate;
  dayKind: DayKind;
  /**
   * Scheduled minutes (without breaks) that the day owed; 0 on a 休日 or the person's 週休日, except a
   * 週休日 swapped into a workday (振替), which owes its moved schedule.
   */
  scheduledMinutes: number;
  /**
   * Minutes worked, without breaks: punched time within declared work (schedule plus orders), plus any
   * unordered time reported as a problem; arrival and departure margins within the divergence
   * threshold are not work. 0 when a punch is missing.
   */
  workedMinutes: number;
  /** Scheduled minutes covered by approved leave. */
  leaveMinutes: number;
  /** Ordered overtime actually worked, per bucket (day/night split at 22:00 and 5:00). */
  overtime: Record<OvertimeBucket, number>;
  /** Sum of `overtime`, kept for checks and displays. */
  overtimeMinutes: number;
  /** Scheduled minutes falling in 22:00–5:00 (夜勤手当). */
  nightShiftMinutes: number;
  /** Scheduled minutes worked on a 休日 paid as 休日勤務 (no 代休 or swap). */
  holidayWorkMinutes: number;
  problems: DayProblem[];
}
