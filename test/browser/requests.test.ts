import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { classifyDay } from "@tobira/core/calendar";
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertReader } from "../../packages/server/src/access/reader-repository";
import { recordAttendanceEntry } from "../../packages/server/src/attendance/attendance-entry-use-cases";
import { hashPassword } from "../../packages/server/src/auth/password-hashing";
import { insertUser } from "../../packages/server/src/auth/user-repository";
import { systemClock } from "../../packages/server/src/clock";
import { insertDepartment } from "../../packages/server/src/org/department-repository";
import { insertPosition } from "../../packages/server/src/org/position-repository";
import { createStaff } from "../../packages/server/src/org/staff-use-cases";
import { ingestAsReader } from "../../packages/server/test/ingest-as-reader";
import { launchChromium, signInThroughPage } from "./browser";
import { startTestServer, type TestServer } from "./test-server";

const month = "2026-10";
const memberNumber = "73001";
const headNumber = "73000";
/** 11 evenings of 4 hours already ordered and worked: 44 h of the month's 45. */
const orderedEvenings = 11;
const orderedUntil = "21:15";
/** The day of the new order, and the hour the member really left that day. */
const newOrderDate = "2026-10-30";
const newOrderLeftAt = "18:15";

/** The workdays of October 2026: weekdays other than スポーツの日 (12 October). */
function octoberWorkdays(): string[] {
  return Array.from({ length: 31 }, (_, index) => `${month}-${String(index + 1).padStart(2, "0")}`).filter(
    (date) => classifyDay(date).kind === "workday",
  );
}

interface ReceivedHook {
  signature: string;
  type: string;
  body: string;
}

/** A town system listening for Tobira's webhooks on a free local port. */
async function startReceiver(): Promise<{ url: string; received: ReceivedHook[]; server: Server }> {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        signature: String(request.headers["tobira-signature"] ?? ""),
        type: String(request.headers["tobira-event-type"] ?? ""),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the receiver has no port");
  return { url: `http://127.0.0.1:${address.port}/tobira-hooks`, received, server };
}

/** `t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, checked the way a receiver should. */
function isSignedWith(secret: string, hook: ReceivedHook): boolean {
  const fields = new Map(hook.signature.split(",").map((part) => [part.split("=")[0], part.split("=")[1]]));
  const t = fields.get("t");
  const v1 = fields.get("v1");
  if (t === undefined || v1 === undefined) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${hook.body}`).digest("hex"));
  const given = Buffer.from(v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

async function csrfHeaders(api: APIRequestContext, url: string): Promise<Record<string, string>> {
  const session = await (await api.get(`${url}/api/auth/session`)).json();
  return { "x-csrf-token": String(session.csrfToken) };
}

async function mainMenu(page: Page, name: string) {
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name, exact: true })
    .click();
}

// Each step drives a fresh browser context through several screens, and the last waits for webhook retries.
describe("庶務事務: an overtime order stopped at the 45-hour cap, shortened, approved in bulk and paid", {
  timeout: 60_000,
}, () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let webhookSecret = "";
  let requestId = 0;
  const workdays = octoberWorkdays();
  const ordered = workdays.slice(0, orderedEvenings);

  beforeAll(async () => {
    server = await startTestServer();
    receiver = await startReceiver();
    const db = server.store.db;
    const deps = { db, clock: systemClock };
    const department = await insertDepartment(db, {
      code: "2200",
      name: "会計課",
      kind: "department",
      parentId: null,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const head = await insertPosition(db, { code: "KACHO", name: "課長", rank: 10, isSectionHead: true });
    const person = (staffNumber: string, familyName: string, givenName: string, positionId: number | null) =>
      createStaff(deps, "test", {
        staffNumber,
        familyName,
        givenName,
        familyNameKana: "カイケイ",
        givenNameKana: "タロウ",
        employmentType: "regular",
        startDate: "2020-04-01",
        endDate: null,
        email: null,
        phone: null,
        departmentId: department.id,
        positionId,
      });
    const sectionHead = await person(headNumber, "会計", "課長", head.id);
    const member = await person(memberNumber, "出納", "花子", null);
    const account = async (
      loginId: string,
      staffId: number | null,
      password: string,
      roles: ("staff" | "hr" | "sysadmin")[],
    ) =>
      insertUser(
        db,
        { loginId, staffId, passwordHash: await hashPassword(password), mustChangePassword: false, roles },
        new Date(),
      );
    await account(memberNumber, member.id, "member-pass-01", ["staff"]);
    await account(headNumber, sectionHead.id, "head-pass-0001", ["staff"]);
    await account("hr01", null, "hr-pass-0001", ["staff", "hr"]);
    await account("admin01", null, "admin-pass-001", ["sysadmin"]);

    const reader = await insertReader(db, {
      name: "1F 出退勤端末",
      kind: "attendance",
      doorId: null,
      side: null,
    });
    const punch = (staffId: number, date: string, time: string, direction: "in" | "out") => ({
      eventId: `${staffId}-${date}-${direction}`,
      occurredAt: `${date}T${time}:00+09:00`,
      kind: "punch",
      credentialKey: `staffCard:${staffId}`,
      holderId: `staff:${staffId}`,
      punch: direction,
    });
    const leftAt = (date: string) =>
      ordered.includes(date) ? orderedUntil : date === newOrderDate ? newOrderLeftAt : "17:15";
    const events = workdays.flatMap((date) => [
      punch(sectionHead.id, date, "08:25", "in"),
      punch(sectionHead.id, date, "17:15", "out"),
      punch(member.id, date, "08:25", "in"),
      punch(member.id, date, leftAt(date), "out"),
    ]);
    const sent = await ingestAsReader(deps, reader.id, events);
    expect(sent.statusCode, sent.body).toBe(200);
    for (const date of ordered) {
      await recordAttendanceEntry(deps, "test", member.id, {
        kind: "overtimeOrder",
        date,
        start: "17:15",
        end: orderedUntil,
        reason: "決算資料の作成",
      });
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((done) => receiver?.server.close(done));
  });

  it("lets the system administrator subscribe a town system to approvals and month closes", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, "admin01", "admin-pass-001");
    const created = await page.request.post(`${server.url}/api/integration/webhooks`, {
      headers: await csrfHeaders(page.request, server.url),
      data: { name: "給与システム", url: receiver.url, eventTypes: ["request.approved", "month.closed"] },
    });
    expect(created.status(), await created.text()).toBe(200);
    const body: { secret: string } = await created.json();
    webhookSecret = body.secret;
    expect(webhookSecret).not.toBe("");
  });

  it("says the order would pass the 45-hour month cap and keeps submit disabled", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, memberNumber, "member-pass-01");
    await mainMenu(page, "申請");
    await page.getByRole("link", { name: "時間外勤務命令", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "時間外勤務命令" }).waitFor();
    await page.getByText("時間外勤務命令簿").waitFor();
    await page.getByLabel("日付", { exact: true }).fill(newOrderDate);
    await page.getByLabel("開始", { exact: true }).fill("17:15");
    await page.getByLabel("終了", { exact: true }).fill("19:15");
    await page.getByLabel("業務内容", { exact: true }).fill("決算資料の作成");

    const endError = page.locator("#request-end-error");
    await endError.waitFor();
    expect(await endError.textContent()).toBe(
      "この命令でこの月の時間外勤務は46時間になり、月の上限45時間を1時間超えます。",
    );
    const submit = page.getByRole("button", { name: "申請する" });
    expect(await submit.isDisabled()).toBe(true);
    await page.screenshot({ path: "test-results/requests-cap.png", fullPage: true });

    await page.getByLabel("終了", { exact: true }).fill(newOrderLeftAt);
    await page.getByText("問題は見つかりませんでした。申請できます。").waitFor();
    expect(await endError.count()).toBe(0);
    await page.getByText("承認の流れ: 所属長").waitFor();
    await submit.click();

    const heading = page.getByRole("heading", { level: 1, name: /^時間外勤務命令（No\.\d+）$/ });
    await heading.waitFor();
    requestId = Number(/No\.(\d+)/.exec((await heading.textContent()) ?? "")?.[1]);
    expect(requestId).toBeGreaterThan(0);
    await page.getByText("承認待ち", { exact: true }).first().waitFor();
    await page.getByText("17:15–18:15", { exact: true }).waitFor();
  });

  it("lets the section head approve it from 承認待ち in bulk", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, headNumber, "head-pass-0001");
    await mainMenu(page, "承認待ち");
    await page.getByRole("heading", { level: 1, name: "承認待ち" }).waitFor();
    const inbox = page.getByRole("table", { name: "承認待ちの申請" });
    const row = inbox.getByRole("row").filter({ hasText: `No.${requestId}` });
    await row.getByText("出納 花子").waitFor();
    await row.getByRole("checkbox").check();
    await page.getByRole("button", { name: "選んだ申請を一括承認（1件）" }).click();
    await page.getByRole("status").filter({ hasText: "1件を承認しました。" }).waitFor();
    await page.getByText("承認待ちの申請はありません。").waitFor();
    await page.screenshot({ path: "test-results/requests-inbox.png", fullPage: true });
  });

  it("shows the member the approval in 私の申請 with its history", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, memberNumber, "member-pass-01");
    await mainMenu(page, "私の申請");
    const row = page
      .getByRole("table", { name: "私の申請（新しい順）" })
      .getByRole("row")
      .filter({
        hasText: `No.${requestId}`,
      });
    await row.getByText("承認済み").waitFor();
    await row.getByRole("link", { name: `No.${requestId}` }).click();
    const history = page.getByRole("table", { name: "経過" });
    await history.getByRole("row").filter({ hasText: "承認" }).getByText("会計 課長").waitFor();
  });

  it("takes the member's result (実績) for the order, 17:15–18:00, and its approval", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, memberNumber, "member-pass-01");
    await mainMenu(page, "申請");
    await page.getByRole("link", { name: "時間外勤務実績", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "時間外勤務実績" }).waitFor();
    const order = page.getByLabel("時間外勤務命令", { exact: true });
    await order.locator("option", { hasText: "17:15–18:15" }).waitFor({ state: "attached" });
    await order.selectOption({ value: String(requestId) });
    await page.getByLabel("開始", { exact: true }).fill("17:15");
    await page.getByLabel("終了", { exact: true }).fill("18:00");
    await page.getByLabel("業務内容", { exact: true }).fill("決算資料の作成（早めに終了）");
    await page.getByText("問題は見つかりませんでした。申請できます。").waitFor();
    await page.getByRole("button", { name: "申請する" }).click();
    const heading = page.getByRole("heading", { level: 1, name: /^時間外勤務実績（No\.\d+）$/ });
    await heading.waitFor();
    const resultId = Number(/No\.(\d+)/.exec((await heading.textContent()) ?? "")?.[1]);

    const head = await (await browser.newContext()).newPage();
    await signInThroughPage(head, server.url, headNumber, "head-pass-0001");
    await mainMenu(head, "承認待ち");
    const row = head
      .getByRole("table", { name: "承認待ちの申請" })
      .getByRole("row")
      .filter({ hasText: `No.${resultId}` });
    await row.getByRole("checkbox").check();
    await head.getByRole("button", { name: "選んだ申請を一括承認（1件）" }).click();
    await head.getByRole("status").filter({ hasText: "1件を承認しました。" }).waitFor();
  });

  it("closes October with the approved order counted, and the payroll file carries the result's 44 h 45 min", async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInThroughPage(page, server.url, "hr01", "hr-pass-0001");
    const layoutAnswer = await page.request.get(`${server.url}/api/attendance/payroll-layout`);
    const layout: { columns: { header: string; field: string }[]; encoding: string } =
      await layoutAnswer.json();
    const saved = await page.request.put(`${server.url}/api/attendance/payroll-layout`, {
      headers: await csrfHeaders(page.request, server.url),
      data: {
        encoding: layout.encoding,
        columns: [
          { header: "職員番号", field: "staffNumber" },
          { header: "時間外(分)", field: "overtimeMinutes" },
        ],
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    await mainMenu(page, "部署の月次");
    await page.getByLabel("部署", { exact: true }).selectOption({ label: "会計課" });
    await page.getByLabel("対象月").fill(month);
    await page.getByText("確認事項はありません。").waitFor();
    await page.getByRole("button", { name: "締める", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "2026年10月を締めました。" }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "給与データ CSV（UTF-8）", exact: true }).click(),
    ]);
    const text = readFileSync(await download.path())
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    const rows = text
      .split(/\r?\n/)
      .filter((line) => line !== "")
      .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
    expect(rows[0]).toEqual(["職員番号", "時間外(分)"]);
    // 44 h of earlier orders and the 45 minutes the result reports, not the 60 minutes ordered.
    expect(rows.find((cells) => cells[0] === memberNumber)).toEqual([memberNumber, String(44 * 60 + 45)]);
  });

  it("signs the two request.approved (order, result) and the month.closed webhooks with the subscription's secret", async () => {
    await expect
      .poll(() => receiver.received.map((hook) => hook.type).toSorted(), { timeout: 30_000, interval: 500 })
      .toEqual(["month.closed", "request.approved", "request.approved"]);
    for (const hook of receiver.received) {
      expect(isSignedWith(webhookSecret, hook), hook.signature).toBe(true);
      expect(isSignedWith("whsec_wrong", hook)).toBe(false);
    }
    const closed = receiver.received.find((hook) => hook.type === "month.closed");
    expect(JSON.parse(closed?.body ?? "{}")).toMatchObject({ type: "month.closed", data: { month } });
    const approved = receiver.received.find(
      (hook) => hook.type === "request.approved" && JSON.parse(hook.body).data.requestId === requestId,
    );
    expect(JSON.parse(approved?.body ?? "{}")).toMatchObject({
      type: "request.approved",
      data: {
        requestId,
        content: {
          kind: "overtimeOrder",
          payload: { date: newOrderDate, start: "17:15", end: newOrderLeftAt },
        },
      },
    });
  });
});
