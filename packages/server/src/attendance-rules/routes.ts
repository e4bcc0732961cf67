import type { Deps } from "../deps";
import type { Api } from "../http/api";
import { registerPatternAssignmentRoutes } from "./pattern-assignment-routes";
import { registerRuleVersionRoutes } from "./rule-version-routes";
import { registerSectionDesignationRoutes } from "./section-designation-routes";
import { registerWorkPatternRoutes } from "./work-pattern-routes";

/** 勤務時間・給与の規則: rule versions by 施行日, work patterns, who works which, and 他律的 sections. */
export function registerAttendanceRuleRoutes(api: Api, deps: Deps): void {
  registerRuleVersionRoutes(api, deps);
  registerWorkPatternRoutes(api, deps);
  registerPatternAssignmentRoutes(api, deps);
  registerSectionDesignationRoutes(api, deps);
}
