import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";

describeEachDatabase("attendance rules: work patterns and who works them", (context) => {
  let app: FastifyInstance;
  let hr: Call;
  let approver: Call;
  let standard = 0;
  let night = 0;
  let staffId = 0;

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    hr = await signInWithRoles(app, deps, "hr", ["hr"]);
    approver = await signInWithRoles(app, deps, "approver", ["approver"]);
    staffId = await addStaff(deps, "40001", ["勤務", "花子"]);
  });
  afterAll(() => app.close());

  const weekdays = ["1", "2", "3", "4", "5"] as const;
  const nightShift = {
    name: "夜勤 22:00–翌7:00",
    days: Object.fromEntries(
      weekdays.map((day) => [
        day,
        { start: "22:00", end: "31:00", breaks: [{ start: "25:00", end: "26:00" }] },
      ]),
    ),
  };

  async function auditedActions(): Promise<string[]> {
    const rows = await context()
      .deps.db.selectFrom("audit_log")
      .select("action")
      .where("action", "like", "attendanceRules.%")
      .orderBy("seq")
      .execute();
    return rows.map((r) => r.action);
  }

  it("ships the standard pattern 8:30–17:15 with the 12:00–13:00 break, 38h45m a week", async () => {
    const list = okJson(await approver("GET", "/api/attendance/patterns"));
    expect(list.items).toHaveLength(1);
    const [pattern] = list.items;
    standard = pattern.id;
    expect(pattern.name).toBe("通常勤務 8:30–17:15");
    expect(pattern.weeklyMinutes).toBe(2325);
    expect(Object.keys(pattern.days)).toEqual([...weekdays]);
    expect(pattern.days["1"]).toEqual({
      start: "08:30",
      end: "17:15",
      breaks: [{ start: "12:00", end: "13:00" }],
    });
  });

  it("keeps a night shift past midnight written as 31:00, stored as minutes of its work day", async () => {
    const created = okJson(await hr("POST", "/api/attendance/patterns", nightShift));
    night = created.id;
    expect(created.days["3"]).toEqual({
      start: "22:00",
      end: "31:00",
      breaks: [{ start: "25:00", end: "26:00" }],
    });
    expect(created.weeklyMinutes).toBe(5 * (9 * 60 - 60));
    const row = await context()
      .deps.db.selectFrom("work_pattern")
      .select("days")
      .where("id", "=", night)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.days)["3"]).toEqual({
      start: 1320,
      end: 1860,
      breaks: [{ start: 1500, end: 1560 }],
    });
  });

  it("refuses breaks that overlap or leave the day, days that run backwards or past 24 hours, naming each", async () => {
    const r = await hr("POST", "/api/attendance/patterns", {
      name: "誤り",
      days: {
        "1": {
          start: "08:30",
          end: "17:15",
          breaks: [
            { start: "12:00", end: "13:00" },
            { start: "12:30", end: "13:30" },
            { start: "17:00", end: "18:00" },
          ],
        },
        "2": { start: "17:00", end: "08:30" },
        "3": { start: "08:00", end: "33:00" },
        "4": { start: "25:00", end: "30:00" },
      },
    });
    expect(r.statusCode).toBe(400);
    expect(issuesOf(r)).toEqual([
      "days.1.breaks.1.start: overlaps the break 12:00–13:00",
      "days.1.breaks.2.start: must lie inside the day 08:30–17:15",
      "days.2.end: must be after start",
      "days.3.end: must be at most 24 hours after start",
      "days.4.start: must be before 24:00",
    ]);
  });

  it("refuses a time not written HH:MM before looking any further", async () => {
    const r = await hr("POST", "/api/attendance/patterns", {
      name: "誤り",
      days: { "6": { start: "8:00", end: "12:00" } },
    });
    expect(r.statusCode).toBe(400);
    expect(issuesOf(r)).toEqual(["body.days.6.start: must be a time HH:MM (past midnight as 24:00–47:59)"]);
  });

  it("names a clash with another pattern's name", async () => {
    const r = await hr("POST", "/api/attendance/patterns", nightShift);
    expect(r.statusCode).toBe(409);
    expect(issuesOf(r)).toEqual(["name: is already used by another work pattern"]);
  });

  it("edits a pattern and recomputes its weekly minutes", async () => {
    const edited = okJson(
      await hr("PUT", `/api/attendance/patterns/${night}`, {
        ...nightShift,
        days: { ...nightShift.days, "5": { start: "22:00", end: "30:00", breaks: [] } },
      }),
    );
    expect(edited.weeklyMinutes).toBe(4 * (9 * 60 - 60) + 8 * 60);
  });

  it("assigns a pattern to a person over dates and lists it by staff member", async () => {
    const assigned = okJson(
      await hr("POST", "/api/attendance/pattern-assignments", {
        staffId,
        patternId: night,
        from: "2026-04-01",
        to: "2026-09-30",
      }),
    );
    expect(assigned).toMatchObject({
      staffId,
      patternId: night,
      patternName: nightShift.name,
      to: "2026-09-30",
    });
    okJson(
      await hr("POST", "/api/attendance/pattern-assignments", {
        staffId,
        patternId: standard,
        from: "2026-10-01",
      }),
    );
    const list = okJson(await approver("GET", `/api/attendance/pattern-assignments?staffId=${staffId}`));
    expect(list.items.map((a: { from: string; to: string | null }) => [a.from, a.to])).toEqual([
      ["2026-04-01", "2026-09-30"],
      ["2026-10-01", null],
    ]);
    const nobody = okJson(
      await approver("GET", `/api/attendance/pattern-assignments?staffId=${staffId + 1000}`),
    );
    expect(nobody.items).toEqual([]);
  });

  it("refuses a second pattern on a day the person already has one", async () => {
    const r = await hr("POST", "/api/attendance/pattern-assignments", {
      staffId,
      patternId: standard,
      from: "2026-09-30",
      to: "2026-09-30",
    });
    expect(r.statusCode).toBe(409);
    expect(issuesOf(r)).toEqual(["from: overlaps the assignment 2026-04-01–2026-09-30"]);
  });

  it("names an unknown staff member, an unknown pattern and an end before the start", async () => {
    const stranger = await hr("POST", "/api/attendance/pattern-assignments", {
      staffId: staffId + 1000,
      patternId: standard,
      from: "2026-04-01",
    });
    expect(issuesOf(stranger)).toEqual(["staffId: is not an existing staff member"]);
    const noPattern = await hr("POST", "/api/attendance/pattern-assignments", {
      staffId,
      patternId: night + 1000,
      from: "2030-04-01",
    });
    expect(issuesOf(noPattern)).toEqual(["patternId: is not an existing work pattern"]);
    const backwards = await hr("POST", "/api/attendance/pattern-assignments", {
      staffId,
      patternId: standard,
      from: "2030-04-01",
      to: "2030-03-31",
    });
    expect(issuesOf(backwards)).toEqual(["to: must not be before from"]);
    expect([stranger.statusCode, noPattern.statusCode, backwards.statusCode]).toEqual([400, 400, 400]);
  });

  it("keeps a pattern while someone is assigned to it and removes it once nobody is", async () => {
    const refused = await hr("DELETE", `/api/attendance/patterns/${night}`);
    expect(refused.statusCode).toBe(409);
    expect(issuesOf(refused)).toEqual(["id: is still assigned to staff 1 time(s)"]);
    const list = okJson(await hr("GET", `/api/attendance/pattern-assignments?staffId=${staffId}`));
    okJson(await hr("DELETE", `/api/attendance/pattern-assignments/${list.items[0].id}`));
    okJson(await hr("DELETE", `/api/attendance/patterns/${night}`));
    const patterns = okJson(await hr("GET", "/api/attendance/patterns"));
    expect(patterns.items.map((p: { id: number }) => p.id)).toEqual([standard]);
  });

  it("audits every change to patterns and assignments", async () => {
    expect(await auditedActions()).toEqual([
      "attendanceRules.patternCreated",
      "attendanceRules.patternUpdated",
      "attendanceRules.assignmentCreated",
      "attendanceRules.assignmentCreated",
      "attendanceRules.assignmentRemoved",
      "attendanceRules.patternRemoved",
    ]);
  });

  it("lets an approver read patterns and assignments but not change them", async () => {
    expect(
      (await approver("POST", "/api/attendance/patterns", { ...nightShift, name: "別" })).statusCode,
    ).toBe(403);
    expect((await approver("DELETE", `/api/attendance/patterns/${standard}`)).statusCode).toBe(403);
    const assign = await approver("POST", "/api/attendance/pattern-assignments", {
      staffId,
      patternId: standard,
      from: "2031-04-01",
    });
    expect(assign.statusCode).toBe(403);
  });
});
