import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { ja } from "../../i18n/ja";
import { type DayProblem, describeProblem, entryKindFor } from "./day-problems";

const problems: DayProblem[] = [
  { kind: "missing_clock_in" },
  { kind: "missing_clock_out" },
  { kind: "overtime_without_order", minutes: 95 },
  { kind: "divergence", minutes: 45 },
];

describe("a day's problems in words", () => {
  it("has a short Japanese label and an English one for every problem", () => {
    for (const problem of problems) {
      const { key } = describeProblem(problem);
      expect(ja[key].length, key).toBeLessThanOrEqual(16);
      expect(en[key], key).toMatch(/[A-Za-z]/);
    }
  });

  it("says how long the unordered overtime and the divergence were, as H:MM", () => {
    expect(describeProblem({ kind: "overtime_without_order", minutes: 95 }).params).toEqual({ time: "1:35" });
    expect(describeProblem({ kind: "divergence", minutes: 45 }).params).toEqual({ time: "0:45" });
    expect(ja[describeProblem({ kind: "divergence", minutes: 45 }).key]).toContain("{time}");
  });

  it("opens the entry that resolves the problem", () => {
    expect(problems.map(entryKindFor)).toEqual([
      "punchCorrection",
      "punchCorrection",
      "overtimeOrder",
      "divergenceReason",
    ]);
  });
});
