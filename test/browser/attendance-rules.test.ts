import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signInThroughPage } from "./browser";
import { addAccount, startTestServer, type TestServer } from "./test-server";

/** 1 April of next year: always in the future, whatever day the test runs. */
function nextFiscalYearStart(): string {
  const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric" }).format());
  return `${year + 1}-04-01`;
}

function japaneseDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** The divergence threshold as the detail of the version effective on `dateText` shows it. */
async function divergenceShown(page: Page, dateText: string): Promise<string | null> {
  const detail = page.getByRole("region", { name: `${dateText}施行の規則` });
  const row = detail.locator(".facts__row").filter({ hasText: "乖離のしきい値" });
  if ((await row.count()) !== 1) return null;
  return row.locator("dd").textContent();
}

describe("working-time rules: HR adds a future version, an approver only reads", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const effectiveFrom = nextFiscalYearStart();
  const dateText = japaneseDate(effectiveFrom);

  beforeAll(async () => {
    server = await startTestServer();
    await addAccount(server, "hr01", "hr-pass-0001", ["staff", "hr"]);
    await addAccount(server, "appr01", "approver-pass-1", ["staff", "approver"]);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("HR creates a version with a 15-minute divergence threshold from next April and sees it listed", async () => {
    await signInThroughPage(page, server.url, "hr01", "hr-pass-0001");
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "勤務の規則" })
      .click();
    await page.getByRole("heading", { level: 1, name: "勤務の規則" }).waitFor();
    const versions = page.getByRole("table", { name: "規則の版の一覧（新しい順）" });
    await versions.getByText("現在適用中", { exact: true }).waitFor();
    expect(await versions.getByRole("row").count()).toBe(2);
    // The version in force cannot be edited.
    expect(await page.getByRole("button", { name: /の版を編集$/ }).count()).toBe(0);

    await page.getByRole("button", { name: "新しい版を作る" }).click();
    const divergence = page.getByLabel("理由を求める乖離");
    // Prefilled from the version in force: the seeded common value.
    expect(await divergence.inputValue()).toBe("30");
    await divergence.fill("300");
    await page.getByText("0から240までの値にしてください。").waitFor();
    await divergence.fill("15");
    expect(await page.getByText("0から240までの値にしてください。").count()).toBe(0);
    await page.getByLabel("施行日").fill(effectiveFrom);
    await page.screenshot({ path: "test-results/attendance-rule-form.png", fullPage: true });
    await page.getByRole("button", { name: "この版を登録する" }).click();

    await page
      .getByRole("status")
      .filter({ hasText: `${dateText}施行の版を保存しました。` })
      .waitFor();
    const row = versions.getByRole("row").filter({ has: page.getByRole("rowheader", { name: dateText }) });
    await row.getByText("施行前", { exact: true }).waitFor();
    await row.getByRole("button", { name: `${dateText}の版を編集` }).waitFor();
    await expect.poll(() => divergenceShown(page, dateText)).toBe("15分");
  });

  it("an approver sees both versions but no button to create, edit or delete", async () => {
    const approver = await (await browser.newContext()).newPage();
    await signInThroughPage(approver, server.url, "appr01", "approver-pass-1");
    await approver.goto(`${server.url}/attendance/rules`);
    const versions = approver.getByRole("table", { name: "規則の版の一覧（新しい順）" });
    await versions.getByRole("rowheader", { name: dateText }).waitFor();
    expect(await versions.getByRole("row").count()).toBe(3);
    await approver.getByRole("button", { name: `${dateText}の版を表示` }).click();
    await expect.poll(() => divergenceShown(approver, dateText)).toBe("15分");
    expect(await approver.getByRole("button", { name: "新しい版を作る" }).count()).toBe(0);
    expect(await approver.getByRole("button", { name: /の版を(編集|削除)$/ }).count()).toBe(0);
  });
});
