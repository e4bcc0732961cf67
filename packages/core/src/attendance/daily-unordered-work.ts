import { isTouchingRanges, normalizeRanges, sumRangeMinutes } from "./minute-ranges";
import type { MinuteRange } from "./work-rules";

/**
 * How many punched minutes outside declared work (the schedule in effect and the orders) count as unordered
 * work. Punches bracket declared work with an arrival and departure margin: margins that touch declared work
 * are not work while they add up to no more than `marginMinutes` (the divergence threshold, the facts' own
 * tolerance between declared work and objective records); beyond it every margin minute counts. Punched time
 * touching no declared work — any time on a rest day without an order — counts from the first minute.
 */
export function countUnorderedMinutes(
  outsideDeclared: readonly MinuteRange[],
  declared: readonly MinuteRange[],
  marginMinutes: number,
): number {
  const pieces = normalizeRanges(outsideDeclared);
  const margins = pieces.filter((piece) => isTouchingRanges([piece], declared));
  const detached = pieces.filter((piece) => !isTouchingRanges([piece], declared));
  const marginTotal = sumRangeMinutes(margins);
  return sumRangeMinutes(detached) + (marginTotal > marginMinutes ? marginTotal : 0);
}
