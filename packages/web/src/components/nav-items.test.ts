import type { SessionUser } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { paths } from "../router/routes";
import { visibleNavItems } from "./nav-items";

const user = (roles: SessionUser["roles"], staffId: number | null): SessionUser => ({
  id: 1,
  loginId: "u",
  staffId,
  displayName: "u",
  roles,
  mustChangePassword: false,
});
const pathsFor = (who: SessionUser) => visibleNavItems(who, false).map((item) => item.path);

describe("visibleNavItems", () => {
  it("shows my month only to an account tied to a staff member", () => {
    expect(pathsFor(user(["staff"], 7))).toContain(paths.attendanceMe);
    expect(pathsFor(user(["sysadmin"], null))).not.toContain(paths.attendanceMe);
  });

  it("shows the department month to section heads and the payroll layout to HR only", () => {
    expect(pathsFor(user(["approver"], 7))).toContain(paths.attendanceDepartments);
    expect(pathsFor(user(["approver"], 7))).not.toContain(paths.payrollLayout);
    expect(pathsFor(user(["hr"], null))).toContain(paths.payrollLayout);
    expect(pathsFor(user(["staff"], 7))).not.toContain(paths.attendanceDepartments);
  });

  it("puts the portal first for staff and keeps requests away from accounts without a staff record", () => {
    expect(pathsFor(user(["staff"], 7))[0]).toBe(paths.portal);
    expect(pathsFor(user(["sysadmin"], null))).not.toContain(paths.portal);
    expect(pathsFor(user(["sysadmin"], null))).not.toContain(paths.requestsInbox);
  });

  it("shows the approval settings to HR only", () => {
    expect(pathsFor(user(["hr"], null))).toContain(paths.requestProxies);
    expect(pathsFor(user(["approver"], 7))).not.toContain(paths.requestProxies);
    expect(pathsFor(user(["staff"], 7))).not.toContain(paths.requestProxies);
  });
});
