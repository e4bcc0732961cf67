import type { Deps } from "../deps";
import type { Api } from "../http/api";
import { registerAreaRoutes } from "./area-routes";
import { registerDoorRoutes } from "./door-routes";
import { registerGrantRoutes } from "./grant-routes";
import { registerGroupRoutes } from "./group-routes";
import { registerMembershipRoutes } from "./membership-routes";
import { registerQuestionRoutes } from "./question-routes";
import { registerReaderRoutes } from "./reader-routes";
import { registerScheduleRoutes } from "./schedule-routes";
import { registerSnapshotRoutes } from "./snapshot-routes";

/** 入退室管理: the building, schedules, groups, grants, the administrator's questions and the snapshot. */
export function registerAccessRoutes(api: Api, deps: Deps): void {
  registerAreaRoutes(api, deps);
  registerDoorRoutes(api, deps);
  registerReaderRoutes(api, deps);
  registerScheduleRoutes(api, deps);
  registerGroupRoutes(api, deps);
  registerMembershipRoutes(api, deps);
  registerGrantRoutes(api, deps);
  registerQuestionRoutes(api, deps);
  registerSnapshotRoutes(api, deps);
}
