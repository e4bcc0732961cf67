import { compareTimedTaps, type TimedPunch, type TimedTap } from "./punch-taps";

/** A punch after its corrections: the first tap's instant with the latest replacement's in/out. */
export interface EffectivePunch {
  first: TimedPunch;
  /** The taps that replaced the first one, in time order. */
  replacements: TimedPunch[];
  punch: "in" | "out";
  ms: number;
}

/**
 * Folds each replacing punch into the tap it replaces. A replacement counts only when it points at a
 * punch tap that is earlier (by instant, then eventId); otherwise it stands as a punch of its own, so
 * no input can loop. A replacement that points at another replacement joins the same chain.
 */
export function resolveEffectivePunches(taps: readonly TimedTap[]): EffectivePunch[] {
  const punchesById = new Map<string, TimedPunch>();
  for (const timed of taps) if (timed.kind === "punch") punchesById.set(timed.tap.eventId, timed);

  const findReplaced = (timed: TimedPunch): TimedPunch | null => {
    const targetId = timed.tap.replacesEventId;
    const target = targetId === undefined ? undefined : punchesById.get(targetId);
    return target !== undefined && compareTimedTaps(target, timed) < 0 ? target : null;
  };
  const findFirst = (timed: TimedPunch): TimedPunch => {
    let current = timed;
    for (let replaced = findReplaced(current); replaced !== null; replaced = findReplaced(current)) {
      current = replaced;
    }
    return current;
  };

  const chains = new Map<TimedPunch, TimedPunch[]>();
  for (const timed of punchesById.values()) {
    const first = findFirst(timed);
    const chain = chains.get(first) ?? [];
    if (first !== timed) chain.push(timed);
    chains.set(first, chain);
  }

  const effective: EffectivePunch[] = [];
  for (const [first, replacements] of chains) {
    replacements.sort(compareTimedTaps);
    const latest = replacements.at(-1) ?? first;
    effective.push({ first, replacements, punch: latest.punch, ms: first.ms });
  }
  return effective.sort((left, right) => compareTimedTaps(left.first, right.first));
}
