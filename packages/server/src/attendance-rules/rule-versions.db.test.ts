import { defaultWorkRules } from "@tobira/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";

describeEachDatabase("attendance rules: versions by 施行日", (context) => {
  let app: FastifyInstance;
  let hr: Call;
  let approver: Call;
  let nextYear = 0;

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    hr = await signInWithRoles(app, deps, "hr", ["hr"]);
    approver = await signInWithRoles(app, deps, "approver", ["approver"]);
  });
  afterAll(() => app.close());

  const laterRules = { ...defaultWorkRules, orderUnitMinutes: 30, divergenceThresholdMinutes: 15 };

  async function auditedActions(): Promise<string[]> {
    const rows = await context()
      .deps.db.selectFrom("audit_log")
      .select("action")
      .where("action", "like", "attendanceRules.version%")
      .orderBy("seq")
      .execute();
    return rows.map((r) => r.action);
  }

  it("ships the common defaults in force from 1989-04-01, so every date has rules", async () => {
    const list = okJson(await approver("GET", "/api/attendance/rules"));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ effectiveFrom: "1989-04-01", rules: defaultWorkRules });
  });

  it("adds versions and lists them in 施行日 order, recording who added them", async () => {
    const created = okJson(
      await hr("POST", "/api/attendance/rules", { effectiveFrom: "2027-04-01", rules: laterRules }),
    );
    nextYear = created.id;
    expect(created).toMatchObject({ effectiveFrom: "2027-04-01", rules: laterRules, createdBy: "hr" });
    okJson(
      await hr("POST", "/api/attendance/rules", { effectiveFrom: "2026-10-01", rules: defaultWorkRules }),
    );
    const list = okJson(await approver("GET", "/api/attendance/rules"));
    expect(list.items.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([
      "1989-04-01",
      "2026-10-01",
      "2027-04-01",
    ]);
  });

  it("refuses a second version with the same 施行日", async () => {
    const r = await hr("POST", "/api/attendance/rules", {
      effectiveFrom: "2027-04-01",
      rules: defaultWorkRules,
    });
    expect(r.statusCode).toBe(409);
    expect(issuesOf(r)).toEqual(["effectiveFrom: already has a rule version (2027-04-01)"]);
  });

  it("refuses to edit or remove the rules in force, including a version that took effect today", async () => {
    const today = okJson(
      await hr("POST", "/api/attendance/rules", { effectiveFrom: "2026-04-01", rules: defaultWorkRules }),
    );
    const list = okJson(await hr("GET", "/api/attendance/rules"));
    const defaults = list.items[0].id;
    for (const id of [defaults, today.id]) {
      const edit = await hr("PUT", `/api/attendance/rules/${id}`, {
        effectiveFrom: "2028-04-01",
        rules: laterRules,
      });
      expect(edit.statusCode).toBe(409);
      expect(issuesOf(edit)).toEqual([
        "effectiveFrom: rules in force are not edited; add a new version with a later 施行日",
      ]);
      expect((await hr("DELETE", `/api/attendance/rules/${id}`)).statusCode).toBe(409);
    }
  });

  it("edits a version not yet in force, but not back into the past", async () => {
    const edited = okJson(
      await hr("PUT", `/api/attendance/rules/${nextYear}`, {
        effectiveFrom: "2027-05-01",
        rules: { ...laterRules, orderUnitMinutes: 10 },
      }),
    );
    expect(edited).toMatchObject({ id: nextYear, effectiveFrom: "2027-05-01" });
    expect(edited.rules.orderUnitMinutes).toBe(10);
    const backdated = await hr("PUT", `/api/attendance/rules/${nextYear}`, {
      effectiveFrom: "2026-03-01",
      rules: laterRules,
    });
    expect(backdated.statusCode).toBe(400);
    expect(issuesOf(backdated)).toEqual([
      "effectiveFrom: must be after today (2026-04-01) for a version not yet in force",
    ]);
  });

  it("names the fields of rules that contradict each other or their schema", async () => {
    const crossed = await hr("POST", "/api/attendance/rules", {
      effectiveFrom: "2028-04-01",
      rules: {
        ...defaultWorkRules,
        night: { startMinute: 1320, endMinute: 1320 },
        health: { notifyAboveMinutes: 80 * 60, interviewFromMinutes: 70 * 60 },
      },
    });
    expect(crossed.statusCode).toBe(400);
    expect(issuesOf(crossed)).toEqual([
      "rules.health.interviewFromMinutes: must be at least notifyAboveMinutes (4800)",
      "rules.night.endMinute: must differ from startMinute",
    ]);
    const unit = await hr("POST", "/api/attendance/rules", {
      effectiveFrom: "2028-04-01",
      rules: { ...defaultWorkRules, orderUnitMinutes: 0 },
    });
    expect(unit.statusCode).toBe(400);
    expect(issuesOf(unit)).toEqual(["body.rules.orderUnitMinutes: must be at least 1"]);
  });

  it("removes a version not yet in force, and audits every change with before and after", async () => {
    okJson(await hr("DELETE", `/api/attendance/rules/${nextYear}`));
    const list = okJson(await hr("GET", "/api/attendance/rules"));
    expect(list.items.map((v: { id: number }) => v.id)).not.toContain(nextYear);
    expect(await auditedActions()).toEqual([
      "attendanceRules.versionCreated",
      "attendanceRules.versionCreated",
      "attendanceRules.versionCreated",
      "attendanceRules.versionUpdated",
      "attendanceRules.versionRemoved",
    ]);
    const entry = await context()
      .deps.db.selectFrom("audit_log")
      .select(["details", "actor", "target_id"])
      .where("action", "=", "attendanceRules.versionUpdated")
      .executeTakeFirstOrThrow();
    const details = JSON.parse(entry.details);
    expect(entry).toMatchObject({ actor: "hr", target_id: String(nextYear) });
    expect(details.before.effectiveFrom).toBe("2027-04-01");
    expect(details.after.effectiveFrom).toBe("2027-05-01");
  });

  it("lets an approver read the rules but not change them", async () => {
    expect((await approver("GET", "/api/attendance/rules")).statusCode).toBe(200);
    const r = await approver("POST", "/api/attendance/rules", {
      effectiveFrom: "2029-04-01",
      rules: defaultWorkRules,
    });
    expect(r.statusCode).toBe(403);
  });
  it("stops a version being changed once its 施行日 arrives in Tokyo", async () => {
    const { deps } = context();
    const future = okJson(
      await hr("POST", "/api/attendance/rules", { effectiveFrom: "2030-04-01", rules: laterRules }),
    );
    // 2030-03-31T15:00Z is already 2030-04-01 in Tokyo; sessions from 2026 have expired by then.
    deps.clock.set("2030-03-31T15:00:00Z");
    try {
      const hrLater = await signInWithRoles(app, deps, "hr-2030", ["hr"]);
      const r = await hrLater("DELETE", `/api/attendance/rules/${future.id}`);
      expect(r.statusCode).toBe(409);
      expect(issuesOf(r)).toEqual([
        "effectiveFrom: rules in force are not edited; add a new version with a later 施行日",
      ]);
    } finally {
      deps.clock.set("2026-04-01T00:00:00Z");
    }
  });
});
