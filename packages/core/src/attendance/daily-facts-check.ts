import type { DayFacts } from "./daily-record-types";
import { assertMinuteRange } from "./minute-ranges";

/** Throws RangeError for facts no caller should build: fractional minutes, ranges or punches out of order. */
export function assertDayFacts(facts: DayFacts): void {
  if (facts.scheduled !== null) {
    assertMinuteRange(facts.scheduled, "scheduled");
    for (const range of facts.scheduled.breaks) assertMinuteRange(range, "scheduled.breaks");
  }
  for (const range of facts.leave) assertMinuteRange(range, "leave");
  for (const range of facts.orders) assertMinuteRange(range, "orders");
  if (facts.presence !== null) assertMinuteRange(facts.presence, "presence");
  for (const punch of [facts.clockIn, facts.clockOut]) {
    if (punch !== null && !Number.isInteger(punch)) {
      throw new RangeError(`A punch is not a whole minute: ${JSON.stringify(punch)}`);
    }
  }
  if (facts.clockIn !== null && facts.clockOut !== null) {
    assertMinuteRange({ start: facts.clockIn, end: facts.clockOut }, "clockIn–clockOut");
  }
}
