import { defaultDayBoundaryMinute, findWorkDayStartMs, readInstantMs, readWorkDayMinute } from "./work-day";

/** A punch already recorded for the person: 出勤 ("in") or 退勤 ("out") at an ISO instant. */
export interface PunchRecord {
  punch: "in" | "out";
  at: string;
}

export interface PunchRuleOptions {
  /** A clock-in younger than this is still open, so the next tap clocks out (night shifts too). */
  openShiftHours: number;
  /** Local minute after midnight from which a first tap of the work day is a departure. */
  firstTapOutAfterMinute: number;
  /** Local minute after midnight at which the work day turns over. */
  dayBoundaryMinute: number;
}

export const defaultPunchRule: PunchRuleOptions = {
  openShiftHours: 16,
  firstTapOutAfterMinute: 15 * 60,
  dayBoundaryMinute: defaultDayBoundaryMinute,
};

export interface ChosenPunch {
  punch: "in" | "out";
  /** "no_clock_in" when a departure has no arrival in the same work day (退勤 without 出勤). */
  note: "no_clock_in" | null;
}

const MS_PER_HOUR = 3_600_000;
const MINUTES_PER_DAY = 1440;

/**
 * 出勤 or 退勤 for a tap at `at`, given the person's last punch. An open clock-in means out; otherwise
 * the time within the work day decides, and a departure with nothing earlier that day is flagged.
 * Throws RangeError when an instant has no explicit offset.
 */
export function choosePunch(
  last: PunchRecord | null,
  at: string,
  options: PunchRuleOptions = defaultPunchRule,
): ChosenPunch {
  const atMs = readInstantMs(at);
  const lastMs = last === null ? null : readInstantMs(last.at);
  if (last?.punch === "in" && lastMs !== null) {
    const elapsedMs = atMs - lastMs;
    if (elapsedMs >= 0 && elapsedMs < options.openShiftHours * MS_PER_HOUR)
      return { punch: "out", note: null };
  }
  const boundary = options.dayBoundaryMinute;
  const firstOutMinute =
    (((options.firstTapOutAfterMinute - boundary) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  if (readWorkDayMinute(atMs, boundary) < firstOutMinute) return { punch: "in", note: null };
  const sameWorkDay =
    lastMs !== null && findWorkDayStartMs(lastMs, boundary) === findWorkDayStartMs(atMs, boundary);
  return { punch: "out", note: sameWorkDay && lastMs <= atMs ? null : "no_clock_in" };
}
