import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { classifyDay } from "@tobira/core/calendar";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertReader } from "../../packages/server/src/access/reader-repository";
import { hashPassword } from "../../packages/server/src/auth/password-hashing";
import { insertUser } from "../../packages/server/src/auth/user-repository";
import { systemClock } from "../../packages/server/src/clock";
import { insertDepartment } from "../../packages/server/src/org/department-repository";
import { createStaff } from "../../packages/server/src/org/staff-use-cases";
import { ingestAsReader } from "../../packages/server/test/ingest-as-reader";
import { launchChromium, signInThroughPage } from "./browser";
import { startTestServer, type TestServer } from "./test-server";

const month = "2026-10";
const missingOutDate = "2026-10-14";
const staffNumber = "72001";

/** The workdays of October 2026: weekdays other than スポーツの日 (12 October). */
function octoberWorkdays(): string[] {
  return Array.from({ length: 31 }, (_, index) => `${month}-${String(index + 1).padStart(2, "0")}`).filter(
    (date) => classifyDay(date).kind === "workday",
  );
}

/** "162:45" → 9765. */
function minutesOf(text: string): number {
  const match = /^(\d+):(\d{2})$/.exec(text.trim());
  if (match === null) throw new Error(`not H:MM: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

async function downloadBy(page: Page, buttonName: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName, exact: true }).click(),
  ]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

describe("the month close: HR is refused over a missing clock-out, corrects it, closes and exports", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const workdays = octoberWorkdays();

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.store.db;
    const deps = { db, clock: systemClock };
    const department = await insertDepartment(db, {
      code: "2100",
      name: "税務課",
      kind: "department",
      parentId: null,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const staff = await createStaff(deps, "test", {
      staffNumber,
      familyName: "勤怠",
      givenName: "花子",
      familyNameKana: "キンタイ",
      givenNameKana: "ハナコ",
      employmentType: "regular",
      startDate: "2020-04-01",
      endDate: null,
      email: null,
      phone: null,
      departmentId: department.id,
      positionId: null,
    });
    await insertUser(
      db,
      {
        loginId: "hr01",
        staffId: null,
        passwordHash: await hashPassword("hr-pass-0001"),
        mustChangePassword: false,
        roles: ["staff", "hr"],
      },
      new Date(),
    );
    await insertUser(
      db,
      {
        loginId: staffNumber,
        staffId: staff.id,
        passwordHash: await hashPassword("staff-pass-01"),
        mustChangePassword: false,
        roles: ["staff"],
      },
      new Date(),
    );
    const reader = await insertReader(db, {
      name: "1F 出退勤端末",
      kind: "attendance",
      doorId: null,
      side: null,
    });
    const punch = (date: string, time: string, direction: "in" | "out") => ({
      eventId: `${date}-${direction}`,
      occurredAt: `${date}T${time}:00+09:00`,
      kind: "punch",
      credentialKey: `staffCard:${staff.id}`,
      holderId: `staff:${staff.id}`,
      punch: direction,
    });
    const events = workdays.flatMap((date) =>
      date === missingOutDate
        ? [punch(date, "08:25", "in")]
        : [punch(date, "08:25", "in"), punch(date, "17:20", "out")],
    );
    const sent = await ingestAsReader(deps, reader.id, events);
    expect(sent.statusCode, sent.body).toBe(200);

    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("seeds the 21 workdays of October 2026", () => {
    expect(workdays).toHaveLength(21);
    expect(workdays).not.toContain("2026-10-12");
  });

  it("refuses to close while 14 October has no clock-out, and lists it", async () => {
    await signInThroughPage(page, server.url, "hr01", "hr-pass-0001");
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "部署の月次" })
      .click();
    await page.getByRole("heading", { level: 1, name: "部署の月次" }).waitFor();
    await page.getByLabel("部署", { exact: true }).selectOption({ label: "税務課" });
    await page.getByLabel("対象月").fill(month);
    await page.getByRole("heading", { name: "月次締め" }).waitFor();
    await page.getByText("未締め", { exact: true }).waitFor();

    await page.getByRole("button", { name: "締める", exact: true }).click();
    await page.getByText("確認事項が残っているため締められませんでした。", { exact: false }).waitFor();
    const problems = page.getByRole("table", { name: /^締める前に直す確認事項/ });
    const row = problems.getByRole("row").filter({ hasText: "2026年10月14日" });
    await row.getByText("退勤の打刻なし").waitFor();
    await row.getByText("勤怠 花子").waitFor();
    expect(await problems.getByRole("row").count()).toBe(2);
    await page.screenshot({ path: "test-results/attendance-month-refused.png", fullPage: true });
  });

  it("follows 修正 to the person's month and records the 17:30 clock-out", async () => {
    await page.getByRole("link", { name: "勤怠 花子の2026年10月14日を修正" }).click();
    await page.getByRole("heading", { level: 1, name: `勤怠 花子（${staffNumber}）の勤務` }).waitFor();
    expect(await page.getByLabel("種類", { exact: true }).inputValue()).toBe("punchCorrection");
    expect(await page.getByLabel("日付", { exact: true }).inputValue()).toBe(missingOutDate);
    await page.getByLabel("退勤", { exact: true }).fill("17:30");
    await page.getByLabel("理由", { exact: true }).fill("退勤の打刻漏れ");
    await page.getByRole("button", { name: "追加する" }).click();
    await page.getByRole("status").filter({ hasText: "2026年10月14日の打刻修正を記録しました。" }).waitFor();

    const day = page.locator(`tr[data-date="${missingOutDate}"]`);
    await expect.poll(() => day.locator("td").nth(3).textContent()).toBe("17:30");
    expect(await day.getByText("退勤の打刻なし").count()).toBe(0);
    const entries = page.getByRole("table", { name: "この月に記録された修正・命令・休暇" });
    await entries.getByRole("row").filter({ hasText: "退勤 17:30" }).getByText("退勤の打刻漏れ").waitFor();
    await page.screenshot({ path: "test-results/attendance-month-person.png", fullPage: true });
  });

  it("closes the month once nothing remains", async () => {
    await page.getByRole("link", { name: "部署の月次へ戻る" }).click();
    await page.getByRole("heading", { level: 1, name: "部署の月次" }).waitFor();
    await page.getByText("確認事項はありません。").waitFor();
    await page.getByRole("button", { name: "締める", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "2026年10月を締めました。" }).waitFor();
    await page.getByText("締め済み", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "締める", exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "締めを解除" }).waitFor();
    await page.screenshot({ path: "test-results/attendance-month-closed.png", fullPage: true });
  });

  it("renames and moves the worked-minutes column of the payroll file", async () => {
    const departmentMonthUrl = page.url();
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "給与データの列" })
      .click();
    const columns = page.getByRole("table", { name: "給与データの列（左から順）" });
    const worked = columns
      .getByRole("row")
      .filter({ has: page.locator('option[value="workedMinutes"]:checked') });
    const header = worked.getByRole("textbox");
    expect(await header.inputValue()).toBe("勤務時間(分)");
    const position = Number(await worked.getByRole("rowheader").textContent());
    await header.fill("勤務分");
    await worked.getByRole("button", { name: "「勤務分」を左へ" }).click();
    expect(await columns.getByLabel(`${position - 1}列目の見出し`, { exact: true }).inputValue()).toBe(
      "勤務分",
    );
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByRole("status").filter({ hasText: "給与データの列を保存しました。" }).waitFor();
    await page.goto(departmentMonthUrl);
    await page.getByText("締め済み", { exact: true }).waitFor();
  });

  it("downloads the payroll CSV with the layout's header row and the worked minutes the screen shows", async () => {
    const staffRow = page.locator(`tr[data-staff-number="${staffNumber}"]`);
    const shownWorked = minutesOf((await staffRow.locator(".month-staff__worked").textContent()) ?? "");
    expect(shownWorked).toBe(21 * 465);

    const layoutAnswer = await page.request.get(`${server.url}/api/attendance/payroll-layout`);
    expect(layoutAnswer.status()).toBe(200);
    const layout: { columns: { header: string; field: string }[] } = await layoutAnswer.json();

    const download = await downloadBy(page, "給与データ CSV（UTF-8）");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = (await bytesOf(download)).toString("utf8").replace(/^\uFEFF/, "");
    const lines = text.split(/\r?\n/).filter((line) => line !== "");
    const cells = (line: string) => line.split(",").map((cell) => cell.replace(/^"|"$/g, ""));
    expect(cells(lines[0] ?? "")).toEqual(layout.columns.map((column) => column.header));
    expect(cells(lines[0] ?? "")).toContain("勤務分");
    const person = lines.find((line) => cells(line).includes(staffNumber));
    expect(person, text).toBeDefined();
    const workedColumn = layout.columns.findIndex((column) => column.field === "workedMinutes");
    expect(workedColumn).toBeGreaterThanOrEqual(0);
    expect(Number(cells(person ?? "")[workedColumn])).toBe(shownWorked);
  });

  it("downloads the 出勤簿 as a PDF naming the person and 令和8年10月", async () => {
    const download = await downloadBy(page, "出勤簿（PDF）");
    const bytes = await bytesOf(download);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const text = execFileSync("pdftotext", ["-layout", await download.path(), "-"], { encoding: "utf8" });
    expect(text).toMatch(/勤怠\s*花子/);
    expect(text).toContain("令和8年10月");
  });

  it("shows the person their own closed month with the corrected clock-out", async () => {
    const own = await (await browser.newContext()).newPage();
    await signInThroughPage(own, server.url, staffNumber, "staff-pass-01");
    await own
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "私の勤務" })
      .click();
    await own.getByRole("heading", { level: 1, name: "私の勤務" }).waitFor();
    await own.getByLabel("対象月").fill(month);
    const day = own.locator(`tr[data-date="${missingOutDate}"]`);
    await expect.poll(() => day.locator("td").nth(3).textContent()).toBe("17:30");
    await own.getByText("締め済み", { exact: true }).waitFor();
    expect(await own.getByRole("heading", { name: "記録を追加" }).count()).toBe(0);
    await own.getByRole("img", { name: /^勤怠 花子：2026年10月の時間外 0:00、上限 45:00/ }).waitFor();
    expect(await own.getByRole("link", { name: "部署の月次" }).count()).toBe(0);
  });
});
