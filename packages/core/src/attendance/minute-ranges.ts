import type { MinuteRange } from "./work-rules";

/*
 * Sets of minutes as half-open ranges [start, end): 8:30–17:15 is { start: 510, end: 1035 } and holds
 * 465 minutes. Every function returns sorted, merged, non-empty ranges and leaves its inputs untouched.
 */

/** Throws RangeError unless the range is whole minutes with its end at or after its start. */
export function assertMinuteRange(range: MinuteRange, label: string): void {
  if (Number.isInteger(range.start) && Number.isInteger(range.end) && range.end >= range.start) return;
  throw new RangeError(`${label} is not a range of whole minutes: ${JSON.stringify(range)}`);
}

export function normalizeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = ranges
    .filter((range) => range.end > range.start)
    .map((range) => ({ start: range.start, end: range.end }))
    .sort((left, right) => left.start - right.start || left.end - right.end);
  const merged: MinuteRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      continue;
    }
    merged.push(range);
  }
  return merged;
}

export function uniteRanges(left: readonly MinuteRange[], right: readonly MinuteRange[]): MinuteRange[] {
  return normalizeRanges([...left, ...right]);
}

export function intersectRanges(left: readonly MinuteRange[], right: readonly MinuteRange[]): MinuteRange[] {
  const overlaps: MinuteRange[] = [];
  for (const a of normalizeRanges(left)) {
    for (const b of normalizeRanges(right)) {
      overlaps.push({ start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) });
    }
  }
  return normalizeRanges(overlaps);
}

export function subtractRanges(from: readonly MinuteRange[], remove: readonly MinuteRange[]): MinuteRange[] {
  let pieces = normalizeRanges(from);
  for (const cut of normalizeRanges(remove)) {
    pieces = pieces.flatMap((piece) => [
      { start: piece.start, end: Math.min(piece.end, cut.start) },
      { start: Math.max(piece.start, cut.end), end: piece.end },
    ]);
    pieces = normalizeRanges(pieces);
  }
  return pieces;
}

export function sumRangeMinutes(ranges: readonly MinuteRange[]): number {
  return normalizeRanges(ranges).reduce((total, range) => total + range.end - range.start, 0);
}

/** True when the two sets share an edge (one ends where the other starts) or overlap. */
export function isTouchingRanges(left: readonly MinuteRange[], right: readonly MinuteRange[]): boolean {
  return normalizeRanges(left).some((a) =>
    normalizeRanges(right).some((b) => a.start <= b.end && b.start <= a.end),
  );
}
