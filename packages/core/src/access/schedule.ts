import type { TownDay } from "../calendar/index";
import { type LocalMoment, readLocalMoment } from "./local-moment";
import type { Door, DoorMode, Schedule, TimeWindow } from "./policy";

function containsMinute(windows: readonly TimeWindow[], minute: number): boolean {
  for (const window of windows) {
    if (window.start <= minute && minute < window.end) return true;
  }
  return false;
}

/**
 * Whether a schedule is open at a moment. Special days replace the day type's windows on their date
 * (a special day without windows closes the schedule all day); several entries for one date add up.
 * Windows are [start, end) in minutes, so one ending at 1440 runs until midnight; a window that would
 * cross midnight is written as two, one on each day.
 */
export function isScheduleOpenAt(schedule: Schedule, moment: LocalMoment): boolean {
  let isSpecialDay = false;
  for (const specialDay of schedule.specialDays) {
    if (specialDay.date !== moment.date) continue;
    if (containsMinute(specialDay.windows, moment.minute)) return true;
    isSpecialDay = true;
  }
  if (isSpecialDay) return false;
  const windows = schedule.windows[moment.dayKind];
  return windows !== undefined && containsMinute(windows, moment.minute);
}

/**
 * Whether a schedule is open at an instant, judged on the local date and time in Asia/Tokyo.
 * No schedule is open at an unreadable instant or outside 1980–2099.
 */
export function isWithinSchedule(schedule: Schedule, at: string, townDays: readonly TownDay[] = []): boolean {
  const moment = readLocalMoment(at, townDays);
  return moment !== null && isScheduleOpenAt(schedule, moment);
}

/** The mode of the first of the door's modes whose schedule is open, else its default mode. */
export function findDoorModeAt(
  door: Door,
  schedules: ReadonlyMap<string, Schedule>,
  moment: LocalMoment,
): DoorMode {
  for (const { scheduleId, mode } of door.modes) {
    const schedule = schedules.get(scheduleId);
    // A mode whose schedule is missing from the snapshot never applies.
    if (schedule !== undefined && isScheduleOpenAt(schedule, moment)) return mode;
  }
  return door.defaultMode;
}

/** A door's mode at an instant: the first mode whose schedule is open, else `defaultMode`. */
export function findDoorMode(
  door: Door,
  schedules: readonly Schedule[],
  at: string,
  townDays: readonly TownDay[] = [],
): DoorMode {
  const moment = readLocalMoment(at, townDays);
  if (moment === null) return door.defaultMode;
  const schedulesById = new Map(schedules.map((schedule) => [schedule.id, schedule]));
  return findDoorModeAt(door, schedulesById, moment);
}
