import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { ingestAsReader } from "../../test/ingest-as-reader";
import { insertReader } from "../access/reader-repository";
import { insertPatternAssignment } from "../attendance-rules/pattern-assignment-repository";
import { insertWorkPattern } from "../attendance-rules/work-pattern-repository";
import { buildApp } from "../http/app";

interface DayAnswer {
  date: string;
  dayKind: string;
  clockIn: string | null;
  clockOut: string | null;
  scheduledMinutes: number;
  workedMinutes: number;
  nightShiftMinutes: number;
  problems: { kind: string }[];
}

describeEachDatabase("a person's month computed from the stored punches", (context) => {
  let app: FastifyInstance;
  let self: Call;
  let colleague: Call;
  let approver: Call;
  let staffId = 0;
  let newcomerId = 0;
  let month: { days: DayAnswer[]; totals: { overtimeMinutes: number; over60StartedOn: string | null } };

  const dayOf = (date: string): DayAnswer | undefined => month.days.find((day) => day.date === date);
  const punch = (eventId: string, occurredAt: string, direction: "in" | "out", more = {}) => ({
    eventId,
    occurredAt,
    kind: "punch",
    credentialKey: `staffCard:${staffId}`,
    holderId: `staff:${staffId}`,
    punch: direction,
    ...more,
  });

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    staffId = await addStaff(deps, "61001", ["勤怠", "花子"]);
    const colleagueId = await addStaff(deps, "61002", ["同僚", "次郎"]);
    newcomerId = await addStaff(deps, "61003", ["新人", "三郎"], { startDate: "2026-10-15" });
    self = await signInWithRoles(app, deps, "month-self", ["staff"], staffId);
    colleague = await signInWithRoles(app, deps, "month-colleague", ["staff"], colleagueId);
    approver = await signInWithRoles(app, deps, "month-approver", ["approver"]);

    const nightPattern = await insertWorkPattern(
      deps.db,
      {
        name: "夜勤 22:00–7:00",
        days: Object.fromEntries(
          ["1", "2", "3", "4", "5"].map((key) => [
            key,
            { start: "22:00", end: "31:00", breaks: [{ start: "25:00", end: "26:00" }] },
          ]),
        ),
      },
      deps.clock.now(),
    );
    await insertPatternAssignment(deps.db, {
      staffId,
      patternId: nightPattern,
      from: "2026-10-19",
      to: "2026-10-23",
    });

    const reader = await insertReader(deps.db, {
      name: "1F 出退勤端末",
      kind: "attendance",
      doorId: null,
      side: null,
    });
    const sent = await ingestAsReader(deps, reader.id, [
      punch("m-01-in", "2026-10-01T08:29:00+09:00", "in"),
      punch("m-01-out", "2026-10-01T17:20:00+09:00", "out"),
      punch("m-02-in", "2026-10-02T08:25:00+09:00", "in"),
      punch("m-05-in", "2026-10-05T08:30:00+09:00", "in"),
      punch("m-05-wrong", "2026-10-05T17:16:50+09:00", "in"),
      punch("m-05-fixed", "2026-10-05T17:17:10+09:00", "out", { replacesEventId: "m-05-wrong" }),
      punch("m-20-in", "2026-10-20T21:55:00+09:00", "in"),
      punch("m-20-out", "2026-10-21T07:05:00+09:00", "out"),
    ]);
    expect(sent.statusCode, sent.body).toBe(200);
    month = okJson(await self("GET", "/api/attendance/me/months/2026-10"));
  });
  afterAll(() => app.close());

  it("lists every day of October 2026 for a person employed all month", () => {
    expect(month.days.map((day) => day.date)).toHaveLength(31);
    expect(month.days[0]?.date).toBe("2026-10-01");
    expect(month.days.at(-1)?.date).toBe("2026-10-31");
  });

  it("counts a normal day punched 8:29–17:20 as 465 minutes worked without problems", () => {
    expect(dayOf("2026-10-01")).toMatchObject({
      dayKind: "workday",
      clockIn: "08:29",
      clockOut: "17:20",
      scheduledMinutes: 465,
      workedMinutes: 465,
      problems: [],
    });
  });

  it("reports a missing clock-out on a day with only a clock-in", () => {
    expect(dayOf("2026-10-02")).toMatchObject({
      clockIn: "08:25",
      clockOut: null,
      workedMinutes: 0,
      problems: [{ kind: "missing_clock_out" }],
    });
  });

  it("leaves a Saturday without punches as a rest day with nothing to resolve", () => {
    expect(dayOf("2026-10-03")).toMatchObject({
      dayKind: "weeklyRest",
      clockIn: null,
      clockOut: null,
      scheduledMinutes: 0,
      workedMinutes: 0,
      problems: [],
    });
  });

  // A changed punch keeps the instant of the tap it replaces (17:16:50), not its own (17:17:10).
  it("takes a punch changed on the terminal as a clock-out at the first tap's time", () => {
    expect(dayOf("2026-10-05")).toMatchObject({
      clockIn: "08:30",
      clockOut: "17:16",
      workedMinutes: 465,
      problems: [],
    });
  });

  it("counts a night shift's clock-out after midnight on the day the shift began", () => {
    expect(dayOf("2026-10-20")).toMatchObject({
      clockIn: "21:55",
      clockOut: "31:05",
      scheduledMinutes: 480,
      workedMinutes: 480,
      nightShiftMinutes: 360,
      problems: [],
    });
    expect(dayOf("2026-10-21")).toMatchObject({ clockIn: null, clockOut: null });
  });

  it("totals the month with no overtime and no 60-hour crossing", () => {
    expect(month.totals.overtimeMinutes).toBe(0);
    expect(month.totals.over60StartedOn).toBeNull();
  });

  it("skips the days before a newcomer's start date", async () => {
    const newcomer = okJson(await approver("GET", `/api/attendance/staff/${newcomerId}/months/2026-10`));
    const dates: string[] = newcomer.days.map((day: DayAnswer) => day.date);
    expect(dates[0]).toBe("2026-10-15");
    expect(dates).toHaveLength(17);
  });

  it("refuses another staff member's month to a colleague and lets an approver read it", async () => {
    const refused = await colleague("GET", `/api/attendance/staff/${staffId}/months/2026-10`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.id).toBe("forbidden");
    const ownOnly = okJson(await colleague("GET", "/api/attendance/me/months/2026-10"));
    expect(ownOnly.staffId).not.toBe(staffId);
    const read = okJson(await approver("GET", `/api/attendance/staff/${staffId}/months/2026-10`));
    expect(read.days).toEqual(month.days);
  });

  it("answers 400 naming month for a malformed month and 404 for an unknown staff member", async () => {
    const malformed = await self("GET", "/api/attendance/me/months/2026-13");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].path).toContain("month");
    const unknown = await approver("GET", "/api/attendance/staff/999999/months/2026-10");
    expect(unknown.statusCode).toBe(404);
  });
});
