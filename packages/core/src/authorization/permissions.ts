import { type Role, roles } from "./roles";

/**
 * What each role may do. Every HTTP route names one of these (or "public"), so this table is the
 * whole answer to "who can do what".
 */
export const permissionRoles = {
  /** Own session, own password, own profile. */
  "self.manage": roles,
  /** The staff directory (職員録) and the department tree. */
  "directory.read": roles,
  "staff.manage": ["hr"],
  "org.manage": ["hr"],
  "staff.import": ["hr"],
  "staff.export": ["hr", "auditor"],
  "account.read": ["hr", "sysadmin"],
  "account.resetPassword": ["hr", "sysadmin"],
  "account.assignRoles": ["sysadmin"],
  "audit.read": ["auditor", "sysadmin"],
  "calendar.manage": ["hr"],
  /** The building, doors, schedules, groups and credentials: to see, and to change. */
  "access.read": ["securityAdmin", "auditor"],
  "access.manage": ["securityAdmin"],
  /** Temporary grants (a vendor's maintenance day) need a section head's or security admin's approval. */
  "access.approveGrant": ["approver", "securityAdmin"],
  /** The duty officer (宿日直, an approver on duty) hands visitors a day card and takes it back. */
  "visitor.issue": ["securityAdmin", "approver"],
  /** Working-time rules, work patterns and 他律的 designations: section heads and auditors read, HR edits. */
  "attendanceRules.read": ["hr", "approver", "auditor"],
  "attendanceRules.manage": ["hr"],
  /** Anyone's daily records and month (a person always reads their own). */
  "attendance.read": ["hr", "approver", "auditor"],
  /** Entering approved facts for a day directly (打刻修正, 命令, 休暇 … on someone's behalf). */
  "attendance.correct": ["hr"],
  /** Closing a department's month (締め); only HR reopens it. */
  "attendance.close": ["hr", "approver"],
  "attendance.reopen": ["hr"],
  /** The payroll export and its column layout. */
  "payroll.export": ["hr"],
  /** 庶務事務: approval proxies (代決者) and each section's approval routes. */
  "requests.manage": ["hr"],
  /** API tokens for other town systems and webhook subscriptions (外部連携). */
  "integration.manage": ["sysadmin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

export const permissionNames = Object.keys(permissionRoles) as Permission[];

export interface Actor {
  roles: readonly Role[];
}

export function can(actor: Actor, permission: Permission): boolean {
  const allowed: readonly Role[] = permissionRoles[permission];
  return actor.roles.some((role) => allowed.includes(role));
}
