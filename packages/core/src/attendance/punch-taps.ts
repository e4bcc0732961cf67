import { readInstantMs } from "./work-day";

/**
 * A reader event as attendance reads it: an attendance-terminal punch (出勤/退勤) or a door decision
 * (presence evidence). Raw taps are never edited; a change on the terminal is a new tap.
 */
export interface RawTap {
  eventId: string;
  /** ISO instant with an offset: the reader's occurredAt. */
  at: string;
  kind: "punch" | "door";
  /** For kind punch. */
  punch?: "in" | "out";
  /** For kind punch: the first tap of the chain this one corrects. */
  replacesEventId?: string;
  /** For kind door. */
  granted?: boolean;
}

/** A punch tap with its instant read once. */
export interface TimedPunch {
  kind: "punch";
  tap: RawTap;
  ms: number;
  punch: "in" | "out";
}

/** A door tap with its instant read once. */
export interface TimedDoor {
  kind: "door";
  tap: RawTap;
  ms: number;
  granted: boolean;
}

export type TimedTap = TimedPunch | TimedDoor;

/**
 * Reads every tap's instant. Throws RangeError for input no reader produces: a repeated eventId, an
 * instant without an offset, a punch without in/out, a door tap without its decision.
 */
export function readTimedTaps(taps: readonly RawTap[]): TimedTap[] {
  const seen = new Set<string>();
  return taps.map((tap): TimedTap => {
    if (seen.has(tap.eventId)) throw new RangeError(`Tap ${JSON.stringify(tap.eventId)} is given twice`);
    seen.add(tap.eventId);
    const ms = readInstantMs(tap.at);
    if (tap.kind === "door") {
      if (tap.granted === undefined) {
        throw new RangeError(`Door tap ${JSON.stringify(tap.eventId)} has no decision`);
      }
      return { kind: "door", tap, ms, granted: tap.granted };
    }
    if (tap.punch === undefined) throw new RangeError(`Punch ${JSON.stringify(tap.eventId)} has no in/out`);
    return { kind: "punch", tap, ms, punch: tap.punch };
  });
}

/** Time order, then eventId, so equal instants still sort the same whatever the input order. */
export function compareTimedTaps(left: TimedTap, right: TimedTap): number {
  if (left.ms !== right.ms) return left.ms - right.ms;
  if (left.tap.eventId === right.tap.eventId) return 0;
  return left.tap.eventId < right.tap.eventId ? -1 : 1;
}
