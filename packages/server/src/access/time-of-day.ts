/** The API writes window bounds as "HH:MM" (24:00 for the end of the day); the store keeps minutes. */
export function minutesFromTimeOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  if (
    hours === undefined ||
    minutes === undefined ||
    !Number.isInteger(hours) ||
    !Number.isInteger(minutes)
  ) {
    throw new RangeError(`Not a time written HH:MM: ${JSON.stringify(time)}`);
  }
  return hours * 60 + minutes;
}

export function timeOfDayFromMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
