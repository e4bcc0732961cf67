import { compareLocalDates, type LocalDate } from "../calendar/index";

/*
 * Working-time rules as a town's ordinances set them (勤務時間条例・給与条例). Every number is data with an
 * effective date (施行日), shipped with the common defaults, never a constant in the rules' code.
 */

/**
 * Minutes after the local midnight (Asia/Tokyo) of the day a work day is named after. A shift that ends
 * the next morning ends past 1440 (e.g. 22:00–7:00 is 1320–1860).
 */
export interface MinuteRange {
  start: number;
  end: number;
}

/** One scheduled day: start, end and unpaid breaks, in minutes of the work day. */
export interface ScheduledDay {
  start: number;
  end: number;
  breaks: MinuteRange[];
}

/** 0 = Sunday … 6 = Saturday, as `dayOfWeek` returns. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** 勤務パターン: the scheduled day per weekday; a weekday without one is the person's 週休日. */
export interface WorkPattern {
  id: string;
  name: string;
  days: Partial<Record<Weekday, ScheduledDay>>;
}

/** Which pattern a person works, from a date (inclusive) to a date (inclusive, null = open). */
export interface PatternAssignment {
  patternId: string;
  from: LocalDate;
  to: LocalDate | null;
}

/**
 * Overtime pay buckets (the 給与条例's 割合): the kind of day × day or night (22:00–5:00).
 * weekday: beyond the schedule on a working day; restDay: a 週休日 other than Sunday; sunday: the legal
 * rest day (not counted toward the 60 hours); holiday: beyond the schedule on a 休日.
 */
export const overtimeBuckets = [
  "weekdayDay",
  "weekdayNight",
  "restDayDay",
  "restDayNight",
  "sundayDay",
  "sundayNight",
  "holidayDay",
  "holidayNight",
] as const;
export type OvertimeBucket = (typeof overtimeBuckets)[number];

/** Up to the monthly threshold (60 h) or beyond it. */
export type OvertimeTier = "upTo60" | "over60";

export interface OvertimeCaps {
  /** 月45時間・年360時間 for ordinary sections. */
  ordinary: { monthMinutes: number; yearMinutes: number };
  /** 他律的 sections: under 100 h a month, 720 h a year, 2–6-month averages ≤ 80 h, ≤ 6 months over 45 h. */
  externallyDriven: {
    monthMinutesBelow: number;
    yearMinutes: number;
    averageWindowMinutes: number;
    monthsOverOrdinaryPerYear: number;
  };
}

export interface WorkRules {
  /** A work day runs from this minute after local midnight (5:00), so a night shift belongs to its start. */
  dayBoundaryMinute: number;
  /** Night (深夜) window: 22:00 to 5:00 the next morning, as minutes of the day (end < start: wraps). */
  night: { startMinute: number; endMinute: number };
  /** The monthly overtime after which the higher rates apply (60 h), counted in date order. */
  monthlyThresholdMinutes: number;
  /** Each bucket's monthly minutes are rounded once: a remainder of `roundUpFromMinutes` or more is an hour. */
  rounding: { roundUpFromMinutes: number };
  /** Presence beyond declared work by more than this needs a reason (乖離). */
  divergenceThresholdMinutes: number;
  /** Overtime is ordered in units of this many minutes. */
  orderUnitMinutes: number;
  caps: OvertimeCaps;
  /** Over 80 h: notify the person; 100 h or more: a doctor's interview (面接指導). */
  health: { notifyAboveMinutes: number; interviewFromMinutes: number };
  /** Pay rates in percent of the hourly base, per bucket and tier (payroll export). */
  rates: Record<OvertimeBucket, Record<OvertimeTier, number>>;
  /** 休日勤務手当 and 夜勤手当 (percent). */
  holidayWorkRate: number;
  nightShiftRate: number;
  /** Where 出勤/退勤 come from: attendance terminals only, or the doors' first entry / last exit too. */
  punchSource: PunchSource;
}

/** A town's choice: punches only from attendance terminals, or doors too where a punch is missing. */
export type PunchSource = "terminal" | "terminalAndDoors";

/** A rule set in force from its 施行日 until the next one's. */
export interface RuleVersion {
  effectiveFrom: LocalDate;
  rules: WorkRules;
}

/** The common model (人事院規則 as most towns adopt it): what Tobira ships with. */
export const defaultWorkRules: WorkRules = {
  dayBoundaryMinute: 5 * 60,
  night: { startMinute: 22 * 60, endMinute: 5 * 60 },
  monthlyThresholdMinutes: 60 * 60,
  rounding: { roundUpFromMinutes: 30 },
  divergenceThresholdMinutes: 30,
  orderUnitMinutes: 15,
  caps: {
    ordinary: { monthMinutes: 45 * 60, yearMinutes: 360 * 60 },
    externallyDriven: {
      monthMinutesBelow: 100 * 60,
      yearMinutes: 720 * 60,
      averageWindowMinutes: 80 * 60,
      monthsOverOrdinaryPerYear: 6,
    },
  },
  health: { notifyAboveMinutes: 80 * 60, interviewFromMinutes: 100 * 60 },
  rates: {
    weekdayDay: { upTo60: 125, over60: 150 },
    weekdayNight: { upTo60: 150, over60: 175 },
    restDayDay: { upTo60: 135, over60: 150 },
    restDayNight: { upTo60: 160, over60: 175 },
    sundayDay: { upTo60: 135, over60: 135 },
    sundayNight: { upTo60: 160, over60: 160 },
    holidayDay: { upTo60: 125, over60: 150 },
    holidayNight: { upTo60: 150, over60: 175 },
  },
  holidayWorkRate: 135,
  nightShiftRate: 25,
  punchSource: "terminal",
};

/** The standard pattern: Monday to Friday 8:30–17:15 with the 12:00–13:00 break (7 h 45 min). */
export const standardPattern: WorkPattern = {
  id: "standard",
  name: "通常勤務 8:30–17:15",
  days: Object.fromEntries(
    ([1, 2, 3, 4, 5] as const).map((weekday) => [
      weekday,
      { start: 8 * 60 + 30, end: 17 * 60 + 15, breaks: [{ start: 12 * 60, end: 13 * 60 }] },
    ]),
  ),
};

/** The rule set in force on a date: the latest version whose 施行日 is on or before it. */
export function findRulesOn(versions: readonly RuleVersion[], date: LocalDate): WorkRules | null {
  let found: RuleVersion | null = null;
  for (const version of versions) {
    if (compareLocalDates(version.effectiveFrom, date) > 0) continue;
    if (found === null || compareLocalDates(version.effectiveFrom, found.effectiveFrom) > 0) found = version;
  }
  return found?.rules ?? null;
}

/** Which section rules apply: ordinary caps, or the 他律的 designation, dated per section. */
export interface SectionDesignation {
  externallyDriven: boolean;
  from: LocalDate;
  to: LocalDate | null;
}
