/*
 * Times of the work day as timesheets write them ("08:30", and past midnight "31:00" for 7:00 the next
 * morning) and as the store and core keep them: minutes after the local midnight of the work day.
 */

/** "08:30" → 510, "31:00" → 1860. */
export function minutesFromWorkTime(time: string): number {
  const match = /^(\d{2}):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a work time written HH:MM: ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 510 → "08:30", 1860 → "31:00". */
export function workTimeFromMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 100 * 60)
    throw new RangeError(`Not a whole number of minutes of a work day: ${minutes}`);
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
