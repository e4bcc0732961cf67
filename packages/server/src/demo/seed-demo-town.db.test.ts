import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { verifyAuditLog } from "../audit/audit-repository";
import { signIn } from "../auth/sign-in";
import { seedDemoTownIfEmpty } from "./seed-demo-town";

describeEachDatabase("demo town office", (context) => {
  it("creates about 150 staff in a 部 › 課 › 係 tree with one account per role, once", async () => {
    const { deps } = context();
    const demo = await seedDemoTownIfEmpty(deps);
    const staff = await deps.db
      .selectFrom("staff")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(staff.n)).toBeGreaterThanOrEqual(140);
    const kinds = await deps.db.selectFrom("department").select("kind").distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(["department", "section", "unit"]);
    const roles = new Set(demo?.accounts.flatMap((a) => a.roles));
    expect([...roles].sort()).toEqual(["approver", "auditor", "hr", "securityAdmin", "staff", "sysadmin"]);
    expect(await seedDemoTownIfEmpty(deps)).toBeUndefined();
    expect(await verifyAuditLog(deps.db)).toEqual({ ok: true, count: 1 });
  });

  it("lets a demo account sign in with the printed password", async () => {
    const { deps } = context();
    const account = await deps.db.selectFrom("app_user").select("login_id").executeTakeFirstOrThrow();
    const signedIn = await signIn(deps, account.login_id, "tobira-demo");
    expect(signedIn.user.login_id).toBe(account.login_id);
  });
});
