import type { ErrorIssue, WorkRulesDto } from "@tobira/protocol";

/** The checks across fields that the rules' schema cannot make, as issues naming each field. */
export function findWorkRulesIssues(rules: WorkRulesDto): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (rules.health.interviewFromMinutes < rules.health.notifyAboveMinutes) {
    issues.push({
      path: "rules.health.interviewFromMinutes",
      message: `must be at least notifyAboveMinutes (${rules.health.notifyAboveMinutes})`,
    });
  }
  if (rules.night.startMinute === rules.night.endMinute) {
    issues.push({ path: "rules.night.endMinute", message: "must differ from startMinute" });
  }
  return issues;
}
