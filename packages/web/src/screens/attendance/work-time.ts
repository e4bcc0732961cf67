/** Minutes written the way timesheets and rule books write them. */

/** 2325 → "38:45"; used for durations such as weekly hours and caps. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const whole = Math.abs(minutes);
  return `${sign}${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** 1320 → "22:00"; a minute of the day, or past midnight as "31:00". */
export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "60:00", "60" or "7:45" → minutes; null when it is neither whole hours nor h:mm. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  const match = /^(\d{1,4})(?::([0-5]\d))?$/.exec(trimmed);
  if (match === null) return null;
  return Number(match[1]) * 60 + Number(match[2] ?? "0");
}

/** "08:30" or "8:30" → 510; up to "47:59" for times past midnight. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):([0-5]\d)$/.exec(text.trim());
  if (match === null) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute < 48 * 60 ? minute : null;
}

/** "8:30" → "08:30", the form the protocol's work times use. */
export function normaliseClock(text: string): string | null {
  const minute = parseClock(text);
  return minute === null ? null : formatClock(minute);
}

/** Whole numbers only: "25" → 25; null for "", "2.5" or "abc". */
export function parseWholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}
