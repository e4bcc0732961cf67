import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { ingestAsReader } from "../../test/ingest-as-reader";
import { insertReader } from "../access/reader-repository";
import { listAudit } from "../audit/audit-repository";
import { buildApp } from "../http/app";
import { insertDepartment } from "../org/department-repository";
import { createStaff } from "../org/staff-use-cases";

interface ProblemAnswer {
  staffId: number;
  date: string;
  problem: { kind: string };
}

describeEachDatabase("a department's month: entries, problems, the close and the outputs", (context) => {
  let app: FastifyInstance;
  let hr: Call;
  let approver: Call;
  let staff: Call;
  let divisionId = 0;
  let sectionId = 0;
  let tanakaId = 0;
  let suzukiId = 0;
  const section = () => `/api/attendance/departments/${sectionId}/months/2026-10`;
  const division = () => `/api/attendance/departments/${divisionId}/months/2026-10`;

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-11-05T00:00:00Z");
    app = await buildApp(deps);
    const division = await insertDepartment(deps.db, {
      code: "7100",
      name: "月次部",
      kind: "department",
      parentId: null,
      validFrom: "2020-04-01",
      validTo: null,
    });
    const sectionRow = await insertDepartment(deps.db, {
      code: "7110",
      name: "月次課",
      kind: "section",
      parentId: division.id,
      validFrom: "2020-04-01",
      validTo: null,
    });
    divisionId = division.id;
    sectionId = sectionRow.id;
    const hire = async (staffNumber: string, familyName: string, givenName: string) =>
      (
        await createStaff(deps, "test", {
          staffNumber,
          familyName,
          givenName,
          familyNameKana: "テスト",
          givenNameKana: "テスト",
          employmentType: "regular",
          startDate: "2020-04-01",
          endDate: null,
          email: null,
          phone: null,
          departmentId: sectionRow.id,
          positionId: null,
        })
      ).id;
    tanakaId = await hire("71001", "田中", "一郎");
    suzukiId = await hire("71002", "鈴木", "二郎");
    hr = await signInWithRoles(app, deps, "month-hr", ["hr"]);
    approver = await signInWithRoles(app, deps, "month-head", ["approver"]);
    staff = await signInWithRoles(app, deps, "month-staff", ["staff"], suzukiId);

    const terminal = await insertReader(deps.db, {
      name: "月次 出退勤端末",
      kind: "attendance",
      doorId: null,
      side: null,
    });
    const punch = (staffId: number, eventId: string, at: string, direction: "in" | "out") => ({
      eventId,
      occurredAt: at,
      kind: "punch",
      credentialKey: `staffCard:${staffId}`,
      holderId: `staff:${staffId}`,
      punch: direction,
    });
    // Both work 1 and 2 October; Tanaka forgets to clock out on the 2nd and stays until 19:40 on the 1st.
    const sent = await ingestAsReader(deps, terminal.id, [
      punch(tanakaId, "d-t-01-in", "2026-10-01T08:20:00+09:00", "in"),
      punch(tanakaId, "d-t-01-out", "2026-10-01T19:40:00+09:00", "out"),
      punch(tanakaId, "d-t-02-in", "2026-10-02T08:25:00+09:00", "in"),
      punch(suzukiId, "d-s-01-in", "2026-10-01T08:28:00+09:00", "in"),
      punch(suzukiId, "d-s-01-out", "2026-10-01T17:16:00+09:00", "out"),
      punch(suzukiId, "d-s-02-in", "2026-10-02T08:27:00+09:00", "in"),
      punch(suzukiId, "d-s-02-out", "2026-10-02T17:18:00+09:00", "out"),
    ]);
    expect(sent.statusCode, sent.body).toBe(200);
  });
  afterAll(() => app.close());

  // Only 1–2 October are punched; every other workday is missing both punches, so the tests look at those two.
  const problemsOn = (problems: ProblemAnswer[], staffId: number, dates: string[]) =>
    problems
      .filter((p) => p.staffId === staffId && dates.includes(p.date))
      .map((p) => `${p.date} ${p.problem.kind}`);

  describe("before anything is resolved", () => {
    it("lists both people with the missing clock-out and the unordered overtime among the problems", async () => {
      const month = okJson(await approver("GET", section()));
      expect(month.staff.map((s: { staffNumber: string }) => s.staffNumber)).toEqual(["71001", "71002"]);
      expect(problemsOn(month.problems, tanakaId, ["2026-10-01", "2026-10-02"])).toEqual([
        "2026-10-01 overtime_without_order",
        "2026-10-02 missing_clock_out",
      ]);
      expect(problemsOn(month.problems, suzukiId, ["2026-10-01", "2026-10-02"])).toEqual([]);
      expect(month.close).toEqual({ closed: false, closedByDepartmentId: null, history: [] });
    });

    it("shows the division's month with the section's people in it", async () => {
      const month = okJson(await hr("GET", division()));
      expect(month.staff.map((s: { staffId: number }) => s.staffId)).toEqual([tanakaId, suzukiId]);
    });

    it("refuses to close while problems remain, naming each one", async () => {
      const refused = await approver("POST", `${section()}/close`);
      expect(refused.statusCode).toBe(409);
      expect(issuesOf(refused)).toContain(
        `staff/${tanakaId}/2026-10-02: 71001 田中 一郎 2026-10-02: missing clock-out`,
      );
    });

    it("refuses the payroll file of a month not closed", async () => {
      expect((await hr("GET", `${section()}/payroll`)).statusCode).toBe(409);
    });
  });

  describe("entries", () => {
    it("lets only HR record an entry", async () => {
      const entry = { kind: "divergenceReason", date: "2026-10-05", reason: "自己研鑽" };
      expect((await approver("POST", `/api/attendance/staff/${tanakaId}/entries`, entry)).statusCode).toBe(
        403,
      );
      expect((await staff("POST", `/api/attendance/staff/${suzukiId}/entries`, entry)).statusCode).toBe(403);
    });

    it("resolves the missing clock-out with a correction and orders the overtime in 15-minute units", async () => {
      okJson(
        await hr("POST", `/api/attendance/staff/${tanakaId}/entries`, {
          kind: "punchCorrection",
          date: "2026-10-02",
          clockIn: null,
          clockOut: "17:30",
          reason: "退勤打刻忘れ（課長確認済み）",
        }),
      );
      const oddUnit = await hr("POST", `/api/attendance/staff/${tanakaId}/entries`, {
        kind: "overtimeOrder",
        date: "2026-10-01",
        start: "17:15",
        end: "19:40",
        reason: "議会資料の作成",
      });
      expect(oddUnit.statusCode).toBe(400);
      expect(issuesOf(oddUnit)).toEqual(["end: must make the order a multiple of 15 minutes"]);
      okJson(
        await hr("POST", `/api/attendance/staff/${tanakaId}/entries`, {
          kind: "overtimeOrder",
          date: "2026-10-01",
          start: "17:15",
          end: "19:45",
          reason: "議会資料の作成",
        }),
      );
      const overlapping = await hr("POST", `/api/attendance/staff/${tanakaId}/entries`, {
        kind: "overtimeOrder",
        date: "2026-10-01",
        start: "19:00",
        end: "20:00",
        reason: "重複",
      });
      expect(overlapping.statusCode).toBe(409);

      const month = okJson(await hr("GET", `/api/attendance/staff/${tanakaId}/months/2026-10`));
      const day = (date: string) => month.days.find((d: { date: string }) => d.date === date);
      expect(day("2026-10-02")).toMatchObject({ clockOut: "17:30", workedMinutes: 465, problems: [] });
      // Ordered 17:15–19:45, punched out 19:40: 145 minutes of weekday daytime overtime.
      expect(day("2026-10-01")).toMatchObject({ overtimeMinutes: 145, problems: [] });
      expect(month.totals.minutes.weekdayDay.upTo60).toBe(145);
      expect(month.entries.map((e: { kind: string }) => e.kind).sort()).toEqual([
        "overtimeOrder",
        "punchCorrection",
      ]);
      expect(month.caps).toMatchObject({ section: "ordinary", monthMinutes: 145, monthCapMinutes: 45 * 60 });
    });

    it("audits each entry with who recorded it", async () => {
      const audit = await listAudit(context().deps.db, { limit: 500 });
      const recorded = audit.filter((entry) => entry.action === "attendance.entryRecorded");
      expect(recorded.length).toBeGreaterThanOrEqual(2);
      expect(recorded.every((entry) => entry.actor === "month-hr")).toBe(true);
    });
  });

  describe("the close", () => {
    it("closes once the rest of the month is resolved, and then takes no more entries", async () => {
      // The other workdays of October have no punches; mark them as annual leave so nothing remains.
      const month = okJson(await hr("GET", section()));
      const days = new Set((month.problems as ProblemAnswer[]).map((p) => `${p.staffId} ${p.date}`));
      for (const day of days) {
        const [staffId, date] = day.split(" ");
        okJson(
          await hr("POST", `/api/attendance/staff/${staffId}/entries`, {
            kind: "leave",
            date,
            leaveType: "annual",
            start: null,
            end: null,
            reason: "私用",
          }),
        );
      }
      const closed = okJson(await approver("POST", `${section()}/close`));
      expect(closed).toMatchObject({ closed: true, closedByDepartmentId: sectionId });
      expect(closed.history).toEqual([expect.objectContaining({ closedBy: "month-head", reopenedAt: null })]);

      const late = await hr("POST", `/api/attendance/staff/${suzukiId}/entries`, {
        kind: "divergenceReason",
        date: "2026-10-01",
        reason: "自己研鑽",
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toMatch(/closed/);
    });

    it("exports the payroll file of the closed month with the ordered hours", async () => {
      const file = await hr("GET", `${section()}/payroll?encoding=utf8`);
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers["content-type"]).toMatch(/text\/csv/);
      const lines = file.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain("71001");
      expect(lines[2]).toContain("71002");
    });

    it("prints the 出勤簿 as a PDF for anyone who reads the month", async () => {
      const file = await approver("GET", `${section()}/books/attendance?format=pdf`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    });

    it("lets only HR reopen, with a reason, and keeps the close in the history", async () => {
      expect((await approver("POST", `${section()}/reopen`, { reason: "訂正" })).statusCode).toBe(403);
      expect((await hr("POST", `${section()}/reopen`, { reason: " " })).statusCode).toBe(400);
      const reopened = okJson(await hr("POST", `${section()}/reopen`, { reason: "時間外の訂正" }));
      expect(reopened.closed).toBe(false);
      expect(reopened.history).toEqual([
        expect.objectContaining({
          closedBy: "month-head",
          reopenedBy: "month-hr",
          reopenReason: "時間外の訂正",
        }),
      ]);
      const audit = await listAudit(context().deps.db, { limit: 500 });
      expect(audit.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(["attendance.monthClosed", "attendance.monthReopened"]),
      );
    });

    it("covers the section when the division closes, and reopens only where it was closed", async () => {
      okJson(await hr("POST", `${division()}/close`));
      const sectionMonth = okJson(await hr("GET", section()));
      expect(sectionMonth.close).toMatchObject({ closed: true, closedByDepartmentId: divisionId });
      const atSection = await hr("POST", `${section()}/reopen`, { reason: "訂正" });
      expect(atSection.statusCode).toBe(409);
      expect(atSection.json().error.message).toMatch(/above/);
      okJson(await hr("POST", `${division()}/reopen`, { reason: "訂正" }));
    });

    it("refuses to close a month that has not ended", async () => {
      const current = await hr("POST", `/api/attendance/departments/${sectionId}/months/2026-11/close`);
      expect(current.statusCode).toBe(409);
      expect(current.json().error.message).toMatch(/not ended/);
    });
  });
});
