import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import type { Deps } from "../deps";
import { buildApp } from "../http/app";
import { insertDepartment } from "../org/department-repository";
import { insertPosition } from "../org/position-repository";
import { createStaff } from "../org/staff-use-cases";
import { toPersonId } from "./request-people";
import { insertStoredRequest } from "./request-repository";

interface EntryAnswer {
  kind: string;
  date: string;
  start?: string | null;
  end?: string | null;
  leaveType?: string;
  compensation?: string;
  clockIn?: string | null;
  clockOut?: string | null;
}

const order = (date: string, start: string, end: string) => ({
  content: { kind: "overtimeOrder", payload: { date, start, end, reason: "予算資料の作成" } },
});
const annualLeave = (date: string, to?: string) => ({
  content: {
    kind: "leave",
    payload: { leaveType: "annual", unit: "day", date, ...(to ? { to } : {}), reason: "" },
  },
});

describeEachDatabase("requests from entry to approved facts", (context) => {
  let app: FastifyInstance;
  let applicant: Call;
  let head: Call;
  let otherHead: Call;
  let proxy: Call;
  let hr: Call;
  let capped: Call;
  const ids = { applicant: 0, head: 0, otherHead: 0, proxy: 0, capped: 0, section: 0 };

  async function addPerson(
    deps: Deps,
    number: string,
    name: string,
    departmentId: number,
    positionId: number | null,
  ) {
    const staff = await createStaff(deps, "test", {
      staffNumber: number,
      familyName: name,
      givenName: "一郎",
      familyNameKana: "テスト",
      givenNameKana: "イチロウ",
      employmentType: "regular",
      startDate: "2020-04-01",
      endDate: null,
      email: null,
      phone: null,
      departmentId,
      positionId,
    });
    return staff.id;
  }

  const submit = async (as: Call, body: object) => okJson(await as("POST", "/api/requests", body));
  const act = (as: Call, id: number, action: object) => as("POST", `/api/requests/${id}/actions`, action);
  const monthEntries = async (staffId: number, month: string): Promise<EntryAnswer[]> =>
    okJson(await hr("GET", `/api/attendance/staff/${staffId}/months/${month}`)).entries;

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-10-05T01:00:00Z");
    app = await buildApp(deps);
    const division = await insertDepartment(deps.db, {
      code: "R100",
      name: "総務部",
      kind: "department",
      parentId: null,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const section = await insertDepartment(deps.db, {
      code: "R110",
      name: "総務課",
      kind: "section",
      parentId: division.id,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const taxSection = await insertDepartment(deps.db, {
      code: "R120",
      name: "税務課",
      kind: "section",
      parentId: division.id,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const chief = await insertPosition(deps.db, {
      code: "R-KACHO",
      name: "課長",
      rank: 10,
      isSectionHead: true,
    });
    ids.section = section.id;
    ids.applicant = await addPerson(deps, "70001", "申請", section.id, null);
    ids.head = await addPerson(deps, "70002", "課長", section.id, chief.id);
    ids.otherHead = await addPerson(deps, "70003", "税務", taxSection.id, chief.id);
    ids.proxy = await addPerson(deps, "70004", "代決", section.id, null);
    ids.capped = await addPerson(deps, "70005", "残業", section.id, null);
    applicant = await signInWithRoles(app, deps, "req-applicant", ["staff"], ids.applicant);
    head = await signInWithRoles(app, deps, "req-head", ["approver"], ids.head);
    otherHead = await signInWithRoles(app, deps, "req-other-head", ["approver"], ids.otherHead);
    proxy = await signInWithRoles(app, deps, "req-proxy", ["staff"], ids.proxy);
    capped = await signInWithRoles(app, deps, "req-capped", ["staff"], ids.capped);
    hr = await signInWithRoles(app, deps, "req-hr", ["hr"]);
  });
  afterAll(() => app.close());

  describe("each kind through submit and approval", () => {
    it("approves an overtime order, then a result that replaces its range in the month", async () => {
      const ordered = await submit(applicant, order("2026-10-05", "18:00", "19:00"));
      expect(ordered).toMatchObject({ status: "pending", step: 0, route: ["sectionHead"] });
      expect(ordered.allowedActions).toEqual(["withdraw"]);
      const inbox = okJson(await head("GET", "/api/requests/inbox")).items;
      expect(inbox.find((item: { id: number }) => item.id === ordered.id)?.allowedActions).toEqual([
        "approve",
        "return",
      ]);
      expect(okJson(await act(head, ordered.id, { type: "approve" })).status).toBe("approved");
      expect(await monthEntries(ids.applicant, "2026-10")).toContainEqual(
        expect.objectContaining({ kind: "overtimeOrder", date: "2026-10-05", start: "18:00", end: "19:00" }),
      );

      const result = await submit(applicant, {
        content: {
          kind: "overtimeResult",
          payload: {
            date: "2026-10-05",
            start: "18:00",
            end: "19:30",
            reason: "資料修正",
            orderId: ordered.id,
          },
        },
      });
      okJson(await act(head, result.id, { type: "approve" }));
      const orders = (await monthEntries(ids.applicant, "2026-10")).filter(
        (entry) => entry.kind === "overtimeOrder" && entry.date === "2026-10-05",
      );
      expect(orders).toEqual([expect.objectContaining({ start: "18:00", end: "19:30" })]);
    });

    it("approves holiday work on a Saturday with its order, its compensation and the swapped day off", async () => {
      const request = await submit(applicant, {
        content: {
          kind: "holidayWork",
          payload: {
            date: "2026-10-10",
            start: "09:00",
            end: "12:00",
            reason: "選挙準備",
            compensation: { kind: "restDaySwap", date: "2026-10-14" },
          },
        },
      });
      okJson(await act(head, request.id, { type: "approve" }));
      const entries = await monthEntries(ids.applicant, "2026-10");
      expect(entries).toContainEqual(
        expect.objectContaining({ kind: "overtimeOrder", date: "2026-10-10", start: "09:00", end: "12:00" }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({ kind: "holidayWork", date: "2026-10-10", compensation: "restDaySwap" }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({ kind: "leave", date: "2026-10-14", leaveType: "restDaySwap", start: null }),
      );
    });

    it("approves two days of annual leave as one whole-day entry per workday", async () => {
      const request = await submit(applicant, annualLeave("2026-10-19", "2026-10-20"));
      okJson(await act(head, request.id, { type: "approve" }));
      const leave = (await monthEntries(ids.applicant, "2026-10")).filter(
        (entry) => entry.kind === "leave" && entry.leaveType === "annual",
      );
      expect(leave.map((entry) => [entry.date, entry.start, entry.end])).toEqual([
        ["2026-10-19", null, null],
        ["2026-10-20", null, null],
      ]);
    });

    it("approves a punch correction for a day already begun", async () => {
      const request = await submit(applicant, {
        content: {
          kind: "punchCorrection",
          payload: { date: "2026-10-02", clockIn: "08:30", clockOut: "17:15", reason: "打刻忘れ" },
        },
      });
      okJson(await act(head, request.id, { type: "approve" }));
      expect(await monthEntries(ids.applicant, "2026-10")).toContainEqual(
        expect.objectContaining({
          kind: "punchCorrection",
          date: "2026-10-02",
          clockIn: "08:30",
          clockOut: "17:15",
        }),
      );
    });
  });

  it("sends a request back with a reason, takes the fixed one again and approves it", async () => {
    const request = await submit(applicant, annualLeave("2026-10-26"));
    const returned = okJson(
      await act(head, request.id, { type: "return", reason: "日付を確認してください" }),
    );
    expect(returned).toMatchObject({ status: "returned", step: null });
    expect(returned.history.at(-1)).toMatchObject({ action: "return", reason: "日付を確認してください" });
    const resubmitted = okJson(
      await act(applicant, request.id, { type: "resubmit", content: annualLeave("2026-10-27").content }),
    );
    expect(resubmitted).toMatchObject({ status: "pending", step: 0 });
    expect(resubmitted.content.payload.date).toBe("2026-10-27");
    okJson(await act(head, request.id, { type: "approve" }));
    const dates = (await monthEntries(ids.applicant, "2026-10")).map((entry) => entry.date);
    expect(dates).toContain("2026-10-27");
    expect(dates).not.toContain("2026-10-26");
  });

  it("lets the applicant withdraw a waiting request, which leaves the inbox", async () => {
    const request = await submit(applicant, annualLeave("2026-10-28"));
    expect(okJson(await act(applicant, request.id, { type: "withdraw" })).status).toBe("withdrawn");
    const inbox = okJson(await head("GET", "/api/requests/inbox")).items;
    expect(inbox.map((item: { id: number }) => item.id)).not.toContain(request.id);
  });

  it("removes an approved request's facts once its cancellation is approved", async () => {
    const request = await submit(applicant, annualLeave("2026-10-29"));
    okJson(await act(head, request.id, { type: "approve" }));
    expect((await monthEntries(ids.applicant, "2026-10")).map((entry) => entry.date)).toContain("2026-10-29");
    const asked = okJson(
      await act(applicant, request.id, { type: "requestCancel", reason: "予定が変わった" }),
    );
    expect(asked).toMatchObject({ status: "cancelPending", step: 0 });
    expect(okJson(await act(head, request.id, { type: "approve" })).status).toBe("cancelled");
    expect((await monthEntries(ids.applicant, "2026-10")).map((entry) => entry.date)).not.toContain(
      "2026-10-29",
    );
  });

  it("lets a named proxy decide for the absent section head, and only as that head's proxy", async () => {
    okJson(
      await hr("POST", "/api/approval-proxies", {
        approverStaffId: ids.head,
        proxyStaffId: ids.proxy,
        from: "2026-10-05",
        to: "2026-10-09",
      }),
    );
    const mine = okJson(await proxy("GET", "/api/approval-proxies/mine")).items;
    expect(mine.map((row: { approverStaffId: number }) => row.approverStaffId)).toEqual([ids.head]);
    expect(okJson(await applicant("GET", "/api/approval-proxies/mine")).items).toEqual([]);
    const request = await submit(applicant, order("2026-10-06", "18:00", "19:00"));
    const inbox = okJson(await proxy("GET", "/api/requests/inbox")).items;
    expect(inbox.map((item: { id: number }) => item.id)).toContain(request.id);
    const direct = await act(proxy, request.id, { type: "approve" });
    expect(direct.statusCode).toBe(403);
    const approved = okJson(await act(proxy, request.id, { type: "approve", actingFor: ids.head }));
    expect(approved.status).toBe("approved");
    expect(approved.history.at(-1)).toMatchObject({
      action: "approve",
      actor: "代決 一郎",
      actingFor: "課長 一郎",
    });
  });

  it("tells the section head of a new request and the applicant of its approval, in the app", async () => {
    const request = await submit(applicant, order("2026-10-14", "18:00", "19:00"));
    const waiting = okJson(await head("GET", "/api/notifications?unread=true")).items;
    expect(waiting).toContainEqual(
      expect.objectContaining({
        kind: "request.toApprove",
        requestId: request.id,
        link: `/requests/${request.id}`,
      }),
    );
    okJson(await act(head, request.id, { type: "approve" }));
    const told = okJson(await applicant("GET", "/api/notifications?unread=true")).items;
    expect(told).toContainEqual(expect.objectContaining({ kind: "request.approved", requestId: request.id }));
  });

  it("refuses another section's head and the applicant deciding the applicant's request", async () => {
    const request = await submit(applicant, order("2026-10-07", "18:00", "19:00"));
    // Another section's head may not even see it: the request answers as missing, like an unused id.
    const other = await act(otherHead, request.id, { type: "approve" });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.id).toBe("not_found");
    const unused = await act(otherHead, request.id + 1000, { type: "approve" });
    expect(unused.statusCode).toBe(404);
    expect(unused.json().error.message).toBe(
      other.json().error.message.replace(String(request.id), String(request.id + 1000)),
    );
    const own = await act(applicant, request.id, { type: "approve" });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain("their own request");
    const hidden = await otherHead("GET", `/api/requests/${request.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(okJson(await act(applicant, request.id, { type: "withdraw" })).status).toBe("withdrawn");
  });

  it("refuses at entry an order that takes the month past 45 hours, naming cap_exceeded", async () => {
    const { deps } = context();
    const dates = ["02", "04", "05", "06", "09", "10", "11", "12", "13", "16", "17"];
    for (const day of dates) {
      await insertStoredRequest(
        deps.db,
        {
          applicantId: toPersonId(ids.capped),
          departmentId: String(ids.section),
          kind: "overtimeOrder",
          payload: { date: `2026-11-${day}`, start: 1035, end: 1275, reason: "決算" },
          state: { status: "approved" },
          route: ["sectionHead"],
          history: [{ action: "submit", actorId: toPersonId(ids.capped), at: "2026-10-01T00:00:00.000Z" }],
        },
        { by: "test", at: deps.clock.now() },
      );
    }
    const refused = await capped("POST", "/api/requests", order("2026-11-30", "18:00", "20:00"));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.id).toBe("validation_failed");
    expect(refused.json().error.issues).toContainEqual(
      expect.objectContaining({ path: "content.payload.end", code: "cap_exceeded" }),
    );
    const withinCap = await capped("POST", "/api/requests", order("2026-11-30", "18:00", "19:00"));
    expect(withinCap.statusCode, withinCap.body).toBe(200);
  });

  it("refuses to submit or approve anything touching a closed month (409)", async () => {
    const { deps } = context();
    const waiting = await submit(applicant, annualLeave("2026-12-07"));
    await deps.db
      .insertInto("attendance_month_close")
      .values({
        department_id: ids.section,
        month: "2026-12",
        closed_by: "test",
        closed_at: "2026-10-05T01:00:00Z",
      })
      .execute();
    const approve = await act(head, waiting.id, { type: "approve" });
    expect(approve.statusCode).toBe(409);
    const submitted = await applicant("POST", "/api/requests", annualLeave("2026-12-08"));
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().error.message).toContain("2026-12");
  });

  it("approves many at once, reporting the one it could not approve beside the others", async () => {
    const first = await submit(applicant, order("2026-10-08", "18:00", "19:00"));
    const second = await submit(applicant, order("2026-10-09", "18:00", "19:00"));
    const withdrawn = await submit(applicant, order("2026-10-13", "18:00", "19:00"));
    okJson(await act(applicant, withdrawn.id, { type: "withdraw" }));
    const answer = okJson(
      await head("POST", "/api/requests/bulk-approve", { ids: [first.id, withdrawn.id, second.id] }),
    );
    expect(answer.results.map((result: { id: number; ok: boolean }) => [result.id, result.ok])).toEqual([
      [first.id, true],
      [withdrawn.id, false],
      [second.id, true],
    ]);
    expect(answer.results[1].error).toContain("state");
    const mine = okJson(await applicant("GET", "/api/requests/mine?status=approved")).items;
    expect(mine.map((item: { id: number }) => item.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
  });

  it("answers a dry run with every problem and the route, storing nothing", async () => {
    const { deps } = context();
    const count = async () =>
      Number(
        (
          await deps.db
            .selectFrom("request")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const check = okJson(
      await applicant("POST", "/api/requests/check", {
        content: {
          kind: "overtimeOrder",
          payload: { date: "2026-10-15", start: "17:00", end: "18:10", reason: "" },
        },
      }),
    );
    expect(check.ok).toBe(false);
    expect(check.route).toEqual(["sectionHead"]);
    expect(check.problems.map((problem: { code: string }) => problem.code)).toEqual(
      expect.arrayContaining(["reason_required", "order_unit", "overlaps_schedule"]),
    );
    expect(await count()).toBe(before);
  });

  it("refuses an account without a staff member applying, and a colleague entering an order for someone", async () => {
    const { deps } = context();
    const unattached = await signInWithRoles(app, deps, "req-unattached", ["staff"]);
    expect(
      (await unattached("POST", "/api/requests", order("2026-10-16", "18:00", "19:00"))).statusCode,
    ).toBe(403);
    const forOther = await proxy("POST", "/api/requests", {
      ...order("2026-10-16", "18:00", "19:00"),
      forStaffId: ids.applicant,
    });
    expect(forOther.statusCode).toBe(403);
    const byHead = okJson(
      await head("POST", "/api/requests", {
        ...order("2026-10-16", "18:00", "19:00"),
        forStaffId: ids.applicant,
      }),
    );
    expect(byHead.applicant.staffId).toBe(ids.applicant);
  });
});
