/** An inclusive date range; `to` null runs on without end. */
export interface DateRange {
  from: string;
  to: string | null;
}

/** "2026-04-01–2027-03-31", or "2026-04-01–" for an open range, for messages. */
export function describeDateRange(range: DateRange): string {
  return `${range.from}–${range.to ?? ""}`;
}
