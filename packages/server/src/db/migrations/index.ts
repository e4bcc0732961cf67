import type { Migration } from "kysely";
import * as foundation from "./2026-11-27-0001-foundation";
import * as access from "./2026-11-27-0002-access";
import * as credentials from "./2026-11-27-0003-credentials";
import * as accessEvents from "./2026-11-27-0004-access-events";
import * as snapshotJournal from "./2026-11-27-0005-snapshot-journal";
import * as doorHeldOpen from "./2026-11-27-0006-door-held-open";
import * as visitorGrants from "./2026-11-27-0007-visitor-grants";
import * as agents from "./2026-11-27-0008-agents";
import * as attendanceRules from "./2026-11-27-0009-attendance-rules";
import * as attendanceEntries from "./2026-11-27-0010-attendance-entries";
import * as integration from "./2026-11-27-0011-integration";
import * as requests from "./2026-11-27-0012-requests";
import * as notifications from "./2026-11-27-0013-notifications";

/** Every migration in order; names sort by date so new ones go at the end. */
export const migrations: Record<string, Migration> = {
  "2026-11-27-0001-foundation": foundation,
  "2026-11-27-0002-access": access,
  "2026-11-27-0003-credentials": credentials,
  "2026-11-27-0004-access-events": accessEvents,
  "2026-11-27-0005-snapshot-journal": snapshotJournal,
  "2026-11-27-0006-door-held-open": doorHeldOpen,
  "2026-11-27-0007-visitor-grants": visitorGrants,
  "2026-11-27-0008-agents": agents,
  "2026-11-27-0009-attendance-rules": attendanceRules,
  "2026-11-27-0010-attendance-entries": attendanceEntries,
  "2026-11-27-0011-integration": integration,
  "2026-11-27-0012-requests": requests,
  "2026-11-27-0013-notifications": notifications,
};
