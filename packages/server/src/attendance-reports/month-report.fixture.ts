import {
  aggregateMonth,
  calculateDailyRecord,
  classifyDay,
  type DayFacts,
  dayOfWeek,
  defaultLeaveTypes,
  defaultWorkRules,
  type LocalDate,
  type MinuteRange,
  type ScheduledDay,
} from "@tobira/core";
import type { AttendanceEntryDto, AttendanceEntryInput } from "@tobira/protocol";
import type { StaffMonth } from "../attendance/compute-staff-month";
import { listMonthDates } from "../attendance/month-dates";
import { minutesFromWorkTime } from "../attendance-rules/work-time";
import type { MonthReport, ReportPerson, ReportPersonMonth } from "./month-report";

/*
 * October 2026 for 総務課: two people whose days are computed by core from real facts. 10-12 is
 * スポーツの日. The approved entries below are also what the facts are built from, so the books' remarks
 * and the figures agree.
 */

const month = "2026-10";
const time = minutesFromWorkTime;

// 8:30–17:15 with the 12:00–13:00 break: 465 minutes.
const standardDay: ScheduledDay = {
  start: time("08:30"),
  end: time("17:15"),
  breaks: [{ start: 720, end: 780 }],
};
// 16:30–25:00 with the 20:00–21:00 break: 22:00–25:00 is 夜勤.
const nightShiftDay: ScheduledDay = {
  start: time("16:30"),
  end: time("25:00"),
  breaks: [{ start: 1200, end: 1260 }],
};

interface DayPlan {
  scheduled?: ScheduledDay | null;
  clockIn?: number | null;
  clockOut?: number | null;
  presence?: MinuteRange;
}

interface PersonPlan {
  person: ReportPerson;
  usualClockIn: number;
  usualClockOut: number;
  days: Record<LocalDate, DayPlan>;
  entries: AttendanceEntryInput[];
}

const yamada: PersonPlan = {
  person: {
    staffId: 11,
    staffNumber: "1001",
    name: "山田 太郎",
    departmentCode: "010",
    departmentName: "総務課",
    employmentType: "正規職員",
  },
  usualClockIn: time("08:29"),
  usualClockOut: time("17:16"),
  days: {
    "2026-10-06": { clockOut: time("20:05") },
    "2026-10-08": { clockOut: null },
    "2026-10-14": { clockOut: time("12:00") },
    "2026-10-20": { clockIn: null, clockOut: null },
  },
  entries: [
    { kind: "overtimeOrder", date: "2026-10-06", start: "17:15", end: "20:00", reason: "議会答弁資料の作成" },
    { kind: "leave", date: "2026-10-14", leaveType: "annual", start: "13:00", end: "17:15", reason: "通院" },
    { kind: "leave", date: "2026-10-20", leaveType: "sick", start: null, end: null, reason: "発熱" },
    { kind: "punchCorrection", date: "2026-10-22", clockIn: "08:30", clockOut: null, reason: "打刻忘れ" },
  ],
};

// Four ordered hours on 17 workdays: 68 hours, so the 60-hour line is crossed on the 16th of them (10-26).
const satoOrderDates: LocalDate[] = [
  "2026-10-01",
  "2026-10-02",
  "2026-10-05",
  "2026-10-06",
  "2026-10-07",
  "2026-10-08",
  "2026-10-13",
  "2026-10-14",
  "2026-10-15",
  "2026-10-16",
  "2026-10-19",
  "2026-10-20",
  "2026-10-21",
  "2026-10-22",
  "2026-10-23",
  "2026-10-26",
  "2026-10-27",
];

const sato: PersonPlan = {
  person: {
    staffId: 12,
    staffNumber: "1002",
    name: "佐藤 花子",
    departmentCode: "010",
    departmentName: "総務課",
    employmentType: "会計年度任用職員",
  },
  usualClockIn: time("08:25"),
  usualClockOut: time("17:20"),
  days: {
    ...Object.fromEntries(satoOrderDates.map((date) => [date, { clockOut: time("21:20") }])),
    "2026-10-09": { scheduled: nightShiftDay, clockIn: time("16:25"), clockOut: 1510 },
    "2026-10-28": { clockOut: time("19:00") },
    "2026-10-29": { presence: { start: time("07:00"), end: time("21:00") } },
  },
  entries: [
    ...satoOrderDates.map(
      (date): AttendanceEntryInput => ({
        kind: "overtimeOrder",
        date,
        start: "17:15",
        end: "21:15",
        reason: "システム移行作業",
      }),
    ),
    { kind: "holidayWork", date: "2026-10-12", compensation: "payment", reason: "イベント対応" },
  ],
};

export const fixturePrintedAt = new Date("2026-11-02T00:30:00.000Z");

/** The report for October 2026; `override` changes a person's fields by staff number. */
export function createMonthReport(override: Record<string, Partial<ReportPerson>> = {}): MonthReport {
  return {
    department: { id: 3, code: "010", name: "総務課" },
    month,
    printedAt: fixturePrintedAt,
    people: [yamada, sato].map((plan) => {
      const line = buildPersonMonth(plan);
      return { ...line, person: { ...line.person, ...override[plan.person.staffNumber] } };
    }),
    leaveTypeNames: new Map(defaultLeaveTypes.map((type) => [type.code, type.name])),
  };
}

function buildPersonMonth(plan: PersonPlan): ReportPersonMonth {
  const entries = plan.entries
    .map(
      (entry, index): AttendanceEntryDto => ({
        ...entry,
        id: plan.person.staffId * 100 + index,
        staffId: plan.person.staffId,
        recordedBy: "jinji",
        recordedAt: "2026-11-01T00:00:00.000Z",
      }),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  const punches: StaffMonth["punches"] = new Map();
  const days = listMonthDates(month).map((date) => {
    const facts = buildFacts(plan, date, entries);
    punches.set(date, { clockIn: facts.clockIn, clockOut: facts.clockOut });
    return calculateDailyRecord(facts, defaultWorkRules);
  });
  const staffMonth: StaffMonth = {
    staffId: plan.person.staffId,
    month,
    days,
    punches,
    entries,
    totals: aggregateMonth(days, defaultWorkRules),
  };
  return { person: plan.person, month: staffMonth };
}

function buildFacts(plan: PersonPlan, date: LocalDate, entries: readonly AttendanceEntryDto[]): DayFacts {
  const weekday = dayOfWeek(date);
  const day = plan.days[date] ?? {};
  const scheduled =
    day.scheduled !== undefined ? day.scheduled : weekday >= 1 && weekday <= 5 ? standardDay : null;
  const dayKind = classifyDay(date).kind;
  const onDate = entries.filter((entry) => entry.date === date);
  const orders: MinuteRange[] = [];
  const leave: MinuteRange[] = [];
  let holidayWork: DayFacts["holidayWork"] = null;
  for (const entry of onDate) {
    if (entry.kind === "overtimeOrder") orders.push({ start: time(entry.start), end: time(entry.end) });
    if (entry.kind === "leave" && scheduled !== null) {
      leave.push(
        entry.start === null || entry.end === null
          ? { start: scheduled.start, end: scheduled.end }
          : { start: time(entry.start), end: time(entry.end) },
      );
    }
    if (entry.kind === "holidayWork") holidayWork = entry.compensation;
  }
  const works = scheduled !== null && (dayKind === "workday" || holidayWork !== null);
  return {
    date,
    dayKind,
    sunday: weekday === 0,
    scheduled,
    clockIn: day.clockIn !== undefined ? day.clockIn : works ? plan.usualClockIn : null,
    clockOut: day.clockOut !== undefined ? day.clockOut : works ? plan.usualClockOut : null,
    presence: day.presence ?? null,
    leave,
    orders,
    holidayWork,
    divergenceReason: null,
  };
}
