import type { RuleVersionDto } from "@tobira/protocol";
import { defaultWorkRules as standardRules } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import {
  buildRules,
  findVersionInForce,
  flattenRules,
  formatRuleValue,
  parseRuleValue,
  ruleGroups,
} from "./rule-fields";

const version = (id: number, effectiveFrom: string): RuleVersionDto => ({
  id,
  effectiveFrom,
  rules: standardRules,
  createdBy: "hr01",
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("rule versions in the form", () => {
  it("gives back the same rules after flattening them into form fields", () => {
    expect(buildRules(flattenRules(standardRules), standardRules.rates, standardRules.punchSource)).toEqual(
      standardRules,
    );
    const doors = { ...standardRules, punchSource: "terminalAndDoors" as const };
    expect(buildRules(flattenRules(doors), doors.rates, doors.punchSource)).toEqual(doors);
  });

  it("shows every field as text that reads back to the same number", () => {
    const values = flattenRules(standardRules);
    for (const spec of ruleGroups.flatMap((group) => group.fields)) {
      const shown = formatRuleValue(spec.kind, values[spec.field]);
      expect(parseRuleValue(spec.kind, shown), spec.field).toBe(values[spec.field]);
    }
  });

  it("finds the version in force as the latest 施行日 not after today", () => {
    const versions = [version(1, "1989-04-01"), version(3, "2027-04-01"), version(2, "2026-04-01")];
    expect(findVersionInForce(versions, "2026-11-27")?.id).toBe(2);
    expect(findVersionInForce(versions, "2026-04-01")?.id).toBe(2);
    expect(findVersionInForce(versions, "2026-03-31")?.id).toBe(1);
    expect(findVersionInForce(versions, "1989-03-31")).toBeUndefined();
  });
});
