export const roles = ["staff", "approver", "hr", "securityAdmin", "auditor", "sysadmin"] as const;
export type Role = (typeof roles)[number];
