/** Minutes available in the two pots of a leave year: carried in from last year, and granted this year. */
export interface LeavePots {
  carried: number;
  granted: number;
}

/** Carried-over days are used first (the rule); the other order exists to compare lapses. */
export type ConsumptionOrder = "carriedFirst" | "grantedFirst";

export interface Consumption {
  pots: LeavePots;
  /** Minutes the use asked for beyond both pots. */
  overdrawn: number;
}

/** Takes a use out of the pots, one pot before the other. */
export function consumeLeave(
  pots: LeavePots,
  minutes: number,
  order: ConsumptionOrder = "carriedFirst",
): Consumption {
  const first = order === "carriedFirst" ? pots.carried : pots.granted;
  const second = order === "carriedFirst" ? pots.granted : pots.carried;
  const fromFirst = Math.min(first, minutes);
  const fromSecond = Math.min(second, minutes - fromFirst);
  const overdrawn = minutes - fromFirst - fromSecond;
  const leftFirst = first - fromFirst;
  const leftSecond = second - fromSecond;
  return {
    pots:
      order === "carriedFirst"
        ? { carried: leftFirst, granted: leftSecond }
        : { carried: leftSecond, granted: leftFirst },
    overdrawn,
  };
}
