import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";

describeEachDatabase("access control: schedules", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let auditor: Call;
  let officeHours = 0;

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    security = await signInWithRoles(app, deps, "security", ["securityAdmin"]);
    auditor = await signInWithRoles(app, deps, "auditor", ["auditor"]);
  });
  afterAll(() => app.close());

  const officeHoursInput = {
    name: "平日 8:30–17:15",
    windows: { workday: [{ start: "08:30", end: "17:15" }] },
    specialDays: [{ date: "2026-10-03", windows: [{ start: "09:00", end: "12:00" }] }],
  };

  it("keeps weekly windows per day type and special days, in HH:MM, stored as minutes", async () => {
    const created = okJson(await security("POST", "/api/access/schedules", officeHoursInput));
    officeHours = created.id;
    expect(created).toEqual({
      id: officeHours,
      name: "平日 8:30–17:15",
      windows: { workday: [{ start: "08:30", end: "17:15" }], weeklyRest: [], holiday: [] },
      specialDays: [{ date: "2026-10-03", windows: [{ start: "09:00", end: "12:00" }] }],
    });
    const stored = await context()
      .deps.db.selectFrom("access_schedule_window")
      .select(["day_type", "start_minute", "end_minute"])
      .where("schedule_id", "=", officeHours)
      .execute();
    expect(stored).toEqual([{ day_type: "workday", start_minute: 510, end_minute: 1035 }]);
  });

  it("runs a window to midnight with 24:00 and closes a special day with no windows", async () => {
    const allDay = okJson(
      await security("POST", "/api/access/schedules", {
        name: "終日",
        windows: {
          workday: [{ start: "00:00", end: "24:00" }],
          weeklyRest: [{ start: "00:00", end: "24:00" }],
          holiday: [{ start: "00:00", end: "24:00" }],
        },
        specialDays: [{ date: "2026-12-31", windows: [] }],
      }),
    );
    expect(allDay.windows.holiday).toEqual([{ start: "00:00", end: "24:00" }]);
    expect(allDay.specialDays).toEqual([{ date: "2026-12-31", windows: [] }]);
  });

  it("refuses windows that end before they start, times that are not real, and overlaps, naming each", async () => {
    const r = await security("POST", "/api/access/schedules", {
      name: "誤り",
      windows: {
        workday: [{ start: "17:00", end: "08:30" }],
        weeklyRest: [{ start: "25:00", end: "26:00" }],
        holiday: [
          { start: "09:00", end: "12:00" },
          { start: "11:30", end: "13:00" },
        ],
      },
      specialDays: [
        { date: "2026-02-30", windows: [] },
        { date: "2026-10-03", windows: [{ start: "9:00", end: "10:00" }] },
        { date: "2026-10-03", windows: [] },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(issuesOf(r)).toEqual(
      expect.arrayContaining([
        "body.windows.workday.0.end: must be after start",
        "body.windows.weeklyRest.0.start: must be a time written HH:MM (00:00–23:59)",
        "body.windows.weeklyRest.0.end: must be a time written HH:MM (00:01–24:00)",
        "body.windows.holiday.1.start: overlaps the window 09:00–12:00",
        "body.specialDays.0.date: must be a date written YYYY-MM-DD",
        "body.specialDays.1.windows.0.start: must be a time written HH:MM (00:00–23:59)",
      ]),
    );
  });

  it("names a clash with another schedule's name", async () => {
    const r = await security("POST", "/api/access/schedules", officeHoursInput);
    expect(r.statusCode).toBe(409);
    expect(issuesOf(r)).toEqual(["name: is already used by another schedule"]);
  });

  it("replaces the windows on an edit and audits before and after", async () => {
    const edited = okJson(
      await security("PUT", `/api/access/schedules/${officeHours}`, {
        ...officeHoursInput,
        windows: { workday: [{ start: "08:00", end: "18:00" }] },
        specialDays: [],
      }),
    );
    expect(edited.windows.workday).toEqual([{ start: "08:00", end: "18:00" }]);
    expect(edited.specialDays).toEqual([]);
    const entry = await context()
      .deps.db.selectFrom("audit_log")
      .select("details")
      .where("action", "=", "access.scheduleUpdated")
      .executeTakeFirstOrThrow();
    const details = JSON.parse(entry.details);
    expect(details.before.windows.workday).toEqual([{ start: "08:30", end: "17:15" }]);
    expect(details.after.windows.workday).toEqual([{ start: "08:00", end: "18:00" }]);
  });

  it("keeps a schedule that sets a door's mode", async () => {
    const hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
    const outside = okJson(await security("POST", "/api/access/areas", { name: "屋外" })).id;
    okJson(
      await security("POST", "/api/access/doors", {
        name: "休日通用口",
        fromAreaId: outside,
        toAreaId: hall,
        modes: [{ scheduleId: officeHours, mode: "unlocked" }],
      }),
    );
    const r = await security("DELETE", `/api/access/schedules/${officeHours}`);
    expect(r.statusCode).toBe(409);
    expect(issuesOf(r)).toEqual(["id: still sets the mode of 1 door(s)"]);
  });

  it("lists schedules for the auditor, refuses the auditor's changes", async () => {
    const list = okJson(await auditor("GET", "/api/access/schedules"));
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(["平日 8:30–17:15", "終日"]);
    expect((await auditor("DELETE", `/api/access/schedules/${officeHours}`)).statusCode).toBe(403);
  });
});
