import type { TimeWindow } from "@tobira/core";
import type { ScheduleDto, TimeWindowDto } from "@tobira/protocol";
import type { StoredSchedule } from "./schedule-repository";
import { timeOfDayFromMinutes } from "./time-of-day";

function presentWindow(window: TimeWindow): TimeWindowDto {
  return { start: timeOfDayFromMinutes(window.start), end: timeOfDayFromMinutes(window.end) };
}

export function presentSchedule(schedule: StoredSchedule): ScheduleDto {
  return {
    id: schedule.id,
    name: schedule.name,
    windows: {
      workday: schedule.windows.workday.map(presentWindow),
      weeklyRest: schedule.windows.weeklyRest.map(presentWindow),
      holiday: schedule.windows.holiday.map(presentWindow),
    },
    specialDays: schedule.specialDays.map((d) => ({ date: d.date, windows: d.windows.map(presentWindow) })),
  };
}
