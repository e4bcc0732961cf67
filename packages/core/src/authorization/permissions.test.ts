import { describe, expect, it } from "vitest";
import { can, type Permission, permissionNames } from "./permissions";
import { type Role, roles } from "./roles";

const expected: Record<Role, Permission[]> = {
  staff: ["self.manage", "directory.read"],
  approver: [
    "self.manage",
    "directory.read",
    "access.approveGrant",
    "visitor.issue",
    "attendanceRules.read",
    "attendance.read",
    "attendance.close",
  ],
  hr: [
    "self.manage",
    "directory.read",
    "staff.manage",
    "org.manage",
    "staff.import",
    "staff.export",
    "account.read",
    "account.resetPassword",
    "calendar.manage",
    "attendanceRules.read",
    "attendanceRules.manage",
    "attendance.read",
    "attendance.correct",
    "attendance.close",
    "attendance.reopen",
    "payroll.export",
    "requests.manage",
  ],
  securityAdmin: [
    "self.manage",
    "directory.read",
    "access.read",
    "access.manage",
    "access.approveGrant",
    "visitor.issue",
  ],
  auditor: [
    "self.manage",
    "directory.read",
    "staff.export",
    "audit.read",
    "access.read",
    "attendanceRules.read",
    "attendance.read",
  ],
  sysadmin: [
    "self.manage",
    "directory.read",
    "account.read",
    "account.resetPassword",
    "account.assignRoles",
    "audit.read",
    "integration.manage",
  ],
};

describe("can", () => {
  for (const role of roles) {
    it(`gives ${role} exactly the permissions of its job`, () => {
      const actual = permissionNames.filter((p) => can({ roles: [role] }, p));
      expect(actual.sort()).toEqual([...expected[role]].sort());
    });
  }

  it("grants nothing to an actor without roles", () => {
    expect(permissionNames.filter((p) => can({ roles: [] }, p))).toEqual([]);
  });

  it("combines the permissions of several roles", () => {
    expect(can({ roles: ["staff", "auditor"] }, "audit.read")).toBe(true);
    expect(can({ roles: ["staff", "auditor"] }, "staff.manage")).toBe(false);
  });
});
