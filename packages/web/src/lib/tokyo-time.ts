const tokyoParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Now in Asia/Tokyo as a `datetime-local` value, YYYY-MM-DDTHH:MM. */
export function nowInTokyoLocal(now: Date = new Date()): string {
  const parts = Object.fromEntries(tokyoParts.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A `datetime-local` value read as Tokyo time, as an instant with its offset; null when malformed. */
export function tokyoInstant(local: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+09:00` : null;
}

export function isTimeOfDay(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value) || value === "24:00";
}
