import type { MonthCloseStateDto, OvertimeCapStatusDto, StaffMonthDto } from "@tobira/protocol";
import { workTimeFromMinutes } from "../attendance-rules/work-time";
import type { StaffMonth } from "./compute-staff-month";

/** The month as the API answers it: each day's fields spelled out, punches as "HH:MM" of the work day. */
export function presentStaffMonth(
  month: StaffMonth,
  caps: OvertimeCapStatusDto,
  close: MonthCloseStateDto,
): StaffMonthDto {
  return {
    staffId: month.staffId,
    month: month.month,
    days: month.days.map((day) => {
      const punches = month.punches.get(day.date);
      return {
        date: day.date,
        dayKind: day.dayKind,
        clockIn: formatWorkClock(punches?.clockIn ?? null),
        clockOut: formatWorkClock(punches?.clockOut ?? null),
        scheduledMinutes: day.scheduledMinutes,
        workedMinutes: day.workedMinutes,
        leaveMinutes: day.leaveMinutes,
        overtime: { ...day.overtime },
        overtimeMinutes: day.overtimeMinutes,
        nightShiftMinutes: day.nightShiftMinutes,
        holidayWorkMinutes: day.holidayWorkMinutes,
        problems: day.problems.map((problem) => ({ ...problem })),
      };
    }),
    totals: month.totals,
    entries: month.entries,
    caps,
    close: { closed: close.closed, closedByDepartmentId: close.closedByDepartmentId, history: close.history },
  };
}

/** "08:29"; a clock-out after midnight runs on past 24 ("25:10"), as the 出勤簿 writes it. */
export function formatWorkClock(minute: number | null): string | null {
  return minute === null ? null : workTimeFromMinutes(minute);
}
