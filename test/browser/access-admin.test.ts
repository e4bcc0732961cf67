import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  addDays,
  classifyDay,
  decide,
  indexSnapshot,
  toLocalDate,
  uidCredentialKey,
  verifySnapshot,
} from "@tobira/core";
import { agentRegistrationResultSchema } from "@tobira/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifyCard } from "../../packages/card/src/profiles/identify-card";
import { connectInProcess } from "../../packages/card/src/transport/in-process";
import { createVirtualCard } from "../../packages/card/src/virtual/index";
import { insertDepartment } from "../../packages/server/src/org/department-repository";
import { createStaff } from "../../packages/server/src/org/staff-use-cases";
import {
  AgentClient,
  agentRegistration,
  createAgentKeys,
  postAgentRegistration,
} from "../../packages/server/test/agent-client";
import { launchChromium, signInThroughPage } from "./browser";
import { addAccount, startTestServer, type TestServer } from "./test-server";

/** The security administrator's screens against the real server: a group for the archive, and who may enter. */
describe("security administrator: a group for the archive in office hours", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.store.db;
    const clock = { now: () => new Date() };
    const department = await insertDepartment(db, {
      code: "110",
      name: "総務課",
      kind: "department",
      parentId: null,
      validFrom: "2020-04-01",
      validTo: null,
    });
    await createStaff({ db, clock }, "setup", {
      staffNumber: "50001",
      familyName: "三木",
      givenName: "葵",
      familyNameKana: "ミキ",
      givenNameKana: "アオイ",
      employmentType: "regular",
      startDate: "2020-04-01",
      endDate: null,
      email: null,
      phone: null,
      departmentId: department.id,
      positionId: null,
    });
    await addAccount(server, "sec01", "security-pass-1", ["staff", "securityAdmin"]);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("builds the archive door, an office-hours schedule and a group, then lists who can enter", async () => {
    await signInThroughPage(page, server.url, "sec01", "security-pass-1");
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "入退室管理" })
      .click();

    await page.getByRole("link", { name: "ドアと区画" }).click();
    await page.getByLabel("区画名").fill("庁舎");
    await page.getByRole("button", { name: "区画を追加" }).click();
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toContainEqual(expect.stringMatching(/\S/));
    await page.getByLabel("区画名").fill("書庫");
    await page.getByLabel("外側の区画").selectOption({ label: "庁舎" });
    await page.getByRole("button", { name: "区画を追加" }).click();
    await expect
      .poll(() => page.getByLabel("入る側の区画").locator("option").allTextContents())
      .toContainEqual(expect.stringContaining("書庫"));
    await page.getByLabel("ドア名").fill("書庫入口");
    await page.getByLabel("出る側の区画").selectOption({ label: "庁舎" });
    await page.getByLabel("入る側の区画").selectOption({ label: "書庫" });
    await page.getByRole("button", { name: "ドアを追加" }).click();
    await expect
      .poll(() => page.getByLabel("調べるドア").locator("option").allTextContents())
      .toContainEqual(expect.stringContaining("書庫入口"));

    await page.goto(`${server.url}/access/schedules`);
    await page.getByLabel("スケジュール名").fill("平日日中");
    await page.getByRole("button", { name: "スケジュールを作成" }).click();
    await expect.poll(() => page.getByText("平日日中").count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/access/groups`);
    await page.getByLabel("グループ名").fill("書庫利用者");
    await page.getByRole("button", { name: "グループを作成" }).click();
    await page.getByRole("link", { name: "書庫利用者" }).click();
    await page.getByLabel("ドア", { exact: true }).selectOption({ label: "書庫入口" });
    await page.getByLabel("スケジュール", { exact: true }).selectOption({ label: "平日日中" });
    await page.getByRole("button", { name: "ルールを追加" }).click();
    await page.getByLabel("職員を検索（職員番号・氏名）").fill("50001");
    await page.getByRole("button", { name: "検索", exact: true }).click();
    await expect
      .poll(() => page.getByLabel("職員", { exact: true }).locator("option").allTextContents())
      .toContainEqual(expect.stringContaining("三木"));
    await page.getByLabel("職員", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "メンバーを追加" }).click();
    await expect.poll(() => page.getByText("三木 葵").count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/access/doors`);
    await page.getByLabel("調べるドア").selectOption({ label: "書庫入口" });
    const answerAt = async (localDateTime: string) => {
      await page.getByLabel("日時").fill(localDateTime);
      await page.getByRole("button", { name: "調べる" }).click();
      const row = page
        .getByRole("table", {
          name: `「書庫入口」に入れる職員（${localDateTime.replaceAll("-", "/").replace("T", " ")}`,
        })
        .getByRole("row", { name: /三木 葵/ });
      await row.waitFor();
      return (await row.textContent()) ?? "";
    };
    // The membership starts today: the next working day in office hours, then 1/2 (年末年始) at the same hour.
    const today = toLocalDate(new Date());
    let workday = addDays(today, 1);
    while (classifyDay(workday).kind !== "workday") workday = addDays(workday, 1);
    const yearEnd = `${Number(today.slice(0, 4)) + 1}-01-02`;
    expect(await answerAt(`${workday}T10:00`)).toMatch(/入れる/);
    expect(await answerAt(`${yearEnd}T10:00`)).toMatch(/入れない（時間外）/);
    await page.screenshot({ path: "test-results/access-who-can-enter.png", fullPage: true });
  });

  it("shows a virtual card's tap outside office hours as refused, with its reason, in the monitor and the log, and prints the log", async () => {
    const api = page.request;
    const staff = await (await api.get(`${server.url}/api/staff?q=50001`)).json();
    const staffId: number = staff.items[0].id;
    const session = await (await api.get(`${server.url}/api/auth/session`)).json();
    const headers = { "x-csrf-token": String(session.csrfToken) };
    const card = createVirtualCard({ kind: "uid", technology: "felica", uid: "0123456789abcdef" });
    const tapped = await identifyCard(connectInProcess(card));
    if (tapped?.kind !== "uid") throw new Error("the virtual card did not identify as a UID card");
    const enrolled = await api.post(`${server.url}/api/credentials`, {
      headers,
      data: { staffId, kind: "uid", uid: tapped.uid },
    });
    expect(enrolled.status(), await enrolled.text()).toBe(200);
    const doors = await (await api.get(`${server.url}/api/access/doors`)).json();
    const doorId: number = doors.items.find((d: { name: string }) => d.name === "書庫入口").id;
    const reader = await api.post(`${server.url}/api/access/readers`, {
      headers,
      data: { name: "書庫入口 入", kind: "door", doorId, side: "entry" },
    });
    expect(reader.status(), await reader.text()).toBe(200);
    const readerId: number = (await reader.json()).id;

    // The reader's side: verify the signed snapshot, then decide the tap with core's decide().
    const signed = await (await api.get(`${server.url}/api/access/snapshot`)).json();
    const { publicKeyPem } = await (await api.get(`${server.url}/api/access/snapshot/public-key`)).json();
    const verified = verifySnapshot(
      { payload: Buffer.from(signed.payload, "base64"), signature: Buffer.from(signed.signature, "base64") },
      createPublicKey(publicKeyPem),
    );
    if (!verified.ok) throw new Error(verified.message);
    const today = toLocalDate(new Date());
    let restDay = addDays(today, 1);
    while (classifyDay(restDay).kind === "workday") restDay = addDays(restDay, 1);
    const at = new Date(`${restDay}T10:00:00+09:00`).toISOString();
    const key = uidCredentialKey(tapped.uid);
    const decision = decide(
      indexSnapshot(verified.snapshot),
      { credentialKey: key, assurance: "tap" },
      String(doorId),
      at,
    );
    expect(decision).toMatchObject({ granted: false, reason: "outside_schedule" });

    // The reader's agent, approved for this reader, delivers the event over its own authenticated socket.
    const keys = createAgentKeys();
    const registered = await postAgentRegistration(
      server.url,
      agentRegistration(keys, { name: "archive-reader", role: "door" }),
    );
    const { agentId } = agentRegistrationResultSchema.parse(registered.body);
    const approved = await api.post(`${server.url}/api/agents/${agentId}/approve`, {
      headers,
      data: { readerId },
    });
    expect(approved.status(), await approved.text()).toBe(200);
    const agent = await AgentClient.connect({ baseUrl: server.url, keys, applyPolicy: true });
    await agent.next("welcome");
    agent.send({
      type: "events",
      batchId: "batch-1",
      events: [
        {
          eventId: "tap-1",
          sequence: 1,
          occurredAt: at,
          kind: "decision",
          credentialKey: key,
          holderId: `staff:${staffId}`,
          granted: false,
          reason: decision.reason,
          assurance: "tap",
        },
      ],
    });
    expect(await agent.next("events_ack")).toMatchObject({ accepted: ["tap-1"] });
    await agent.close();

    await page.goto(`${server.url}/access/monitor`);
    const monitorRow = page
      .getByRole("table", { name: "ライブモニター" })
      .getByRole("row", { name: /三木 葵/ });
    await monitorRow.waitFor();
    expect(await monitorRow.textContent()).toMatch(/拒否.*時間外|時間外.*拒否/);

    await page.goto(`${server.url}/access/log`);
    const logRow = page.getByRole("table", { name: "入退室記録簿" }).getByRole("row", { name: /三木 葵/ });
    await logRow.waitFor();
    expect(await logRow.textContent()).toMatch(/時間外/);
    await page.getByLabel("月", { exact: true }).fill(restDay.slice(0, 7));
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "PDFで書き出す" }).click();
    const download = await downloading;
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.includes("BIZUDPGothic")).toBe(true);
  });
});
