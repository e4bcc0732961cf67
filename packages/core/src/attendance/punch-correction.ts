import type { LocalDate } from "../calendar/index";

/** An approved punch correction (打刻修正): a number sets the punch, null clears it, absent leaves it. */
export interface PunchCorrection {
  date: LocalDate;
  /** Minutes of the work day, as DayFacts counts them (a clock-out after midnight is past 1440). */
  clockIn?: number | null;
  clockOut?: number | null;
}

export type PunchOrigin = "terminal" | "door" | "correction";

/** One punch and where it came from; both null when nothing gave it. */
export interface SourcedPunch {
  minute: number | null;
  source: PunchOrigin | null;
}

/** Throws RangeError for a correction no approval screen should let through. */
export function assertPunchCorrection(correction: PunchCorrection, date: LocalDate): void {
  if (correction.date !== date) {
    throw new RangeError(`A correction for ${correction.date} was given for ${date}`);
  }
  for (const minute of [correction.clockIn, correction.clockOut]) {
    if (minute === undefined || minute === null) continue;
    if (!Number.isInteger(minute) || minute < 0) {
      throw new RangeError(`A corrected punch is not a minute of the work day: ${JSON.stringify(minute)}`);
    }
  }
  const { clockIn, clockOut } = correction;
  if (typeof clockIn === "number" && typeof clockOut === "number" && clockOut < clockIn) {
    throw new RangeError(`A correction clocks out (${clockOut}) before it clocks in (${clockIn})`);
  }
}

/**
 * Applies an approved correction over the recorded punches. Where the corrected punch and a recorded
 * one would end up out of order, the recorded one gives way and stays missing, so the day is flagged
 * for a look rather than computed backwards.
 */
export function applyPunchCorrection(
  clockIn: SourcedPunch,
  clockOut: SourcedPunch,
  correction: PunchCorrection,
): { clockIn: SourcedPunch; clockOut: SourcedPunch } {
  const corrected = {
    clockIn: readCorrected(clockIn, correction.clockIn),
    clockOut: readCorrected(clockOut, correction.clockOut),
  };
  const inMinute = corrected.clockIn.minute;
  const outMinute = corrected.clockOut.minute;
  if (inMinute === null || outMinute === null || inMinute <= outMinute) return corrected;
  const missing: SourcedPunch = { minute: null, source: null };
  return corrected.clockIn.source === "correction"
    ? { clockIn: corrected.clockIn, clockOut: missing }
    : { clockIn: missing, clockOut: corrected.clockOut };
}

function readCorrected(recorded: SourcedPunch, minute: number | null | undefined): SourcedPunch {
  return minute === undefined ? recorded : { minute, source: "correction" };
}
