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
    const doors = await deps.db.selectFrom("access_door").select("name").orderBy("id").execute();
    expect(doors.map((d) => d.name)).toEqual(["正面玄関", "休日通用口", "書庫入口", "サーバ室入口"]);
    const members = await deps.db
      .selectFrom("access_membership as m")
      .innerJoin("access_group as g", "g.id", "m.group_id")
      .select((eb) => ["g.name", eb.fn.countAll<number>().as("n")])
      .groupBy("g.name")
      .execute();
    const count = (name: string) => Number(members.find((m) => m.name === name)?.n ?? 0);
    expect(count("全職員")).toBe(Number(staff.n));
    expect(count("書庫利用者")).toBeGreaterThan(0);
    expect(count("サーバ室管理者")).toBeGreaterThan(0);
    expect(count("サーバ室管理者")).toBeLessThan(count("書庫利用者"));
    expect(await seedDemoTownIfEmpty(deps)).toBeUndefined();
    expect(await verifyAuditLog(deps.db)).toMatchObject({ ok: true, count: 1 });
  });

  it("lets a demo account sign in with the printed password", async () => {
    const { deps } = context();
    const account = await deps.db.selectFrom("app_user").select("login_id").executeTakeFirstOrThrow();
    const signedIn = await signIn(deps, account.login_id, "tobira-demo");
    expect(signedIn.user.login_id).toBe(account.login_id);
  });
});
