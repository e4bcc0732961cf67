import { type AssuranceLevel, assuranceLevels } from "./policy";

const assuranceRank: Readonly<Record<AssuranceLevel, number>> = { tap: 0, tapProof: 1, cardPin: 2 };

const assuranceLabels: Readonly<Record<AssuranceLevel, string>> = {
  tap: "tap",
  tapProof: "tap + proof",
  cardPin: "card + PIN",
};

export function isAssuranceLevel(value: unknown): value is AssuranceLevel {
  return assuranceLevels.some((level) => level === value);
}

/** Whether a presentation at `shown` meets a requirement of `required`. */
export function meetsAssurance(shown: AssuranceLevel, required: AssuranceLevel): boolean {
  return assuranceRank[shown] >= assuranceRank[required];
}

export function selectWeakerAssurance(a: AssuranceLevel, b: AssuranceLevel): AssuranceLevel {
  return assuranceRank[a] <= assuranceRank[b] ? a : b;
}

/** The level as staff read it in a denial message. */
export function describeAssurance(level: AssuranceLevel): string {
  return assuranceLabels[level];
}
