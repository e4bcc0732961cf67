import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertDepartment } from "../../packages/server/src/org/department-repository";
import { insertPosition } from "../../packages/server/src/org/position-repository";
import { launchChromium, signInThroughPage } from "./browser";
import { addAccount, startTestServer, type TestServer } from "./test-server";

const header = "職員番号,氏,名,氏カナ,名カナ,所属コード,職コード,雇用区分,採用日";
const badFile = [
  header,
  "41001,真砂,葵,マサゴ,アオイ,1101,70,正規,2026-04-01",
  "41002,植松,蓮,ウエマツ,レン,1101,70,正規,2026/13/01",
  "",
].join("\r\n");
const goodFile = badFile.replace("2026/13/01", "2026/04/01");

describe("HR imports staff in the browser; a staff account cannot", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.store.db;
    const bu = await insertDepartment(db, {
      code: "100",
      name: "総務部",
      kind: "department",
      parentId: null,
      validFrom: "2020-04-01",
      validTo: null,
    });
    const ka = await insertDepartment(db, {
      code: "110",
      name: "総務課",
      kind: "section",
      parentId: bu.id,
      validFrom: "2020-04-01",
      validTo: null,
    });
    await insertDepartment(db, {
      code: "1101",
      name: "人事係",
      kind: "unit",
      parentId: ka.id,
      validFrom: "2020-04-01",
      validTo: null,
    });
    await insertPosition(db, { code: "70", name: "主事", rank: 70, isSectionHead: false });
    await addAccount(server, "hr01", "hr-password-1", ["staff", "hr"]);
    await addAccount(server, "st01", "staff-password-1", ["staff"]);
    browser = await launchChromium();
  });
  // Each test starts signed out, in a browser profile of its own.
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(loginId: string, password: string) {
    await signInThroughPage(page, server.url, loginId, password);
  }

  async function openImport() {
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "職員の取り込み" })
      .click();
  }

  async function choose(file: string) {
    await page
      .getByLabel("CSVファイル")
      .setInputFiles({ name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByLabel("適用日").fill("2026-04-01");
    await page.getByRole("button", { name: "プレビュー" }).click();
  }

  const countStaff = async () => {
    const row = await server.store.db
      .selectFrom("staff")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it("shows the bad row's line number, stores nothing, then imports the fixed file", async () => {
    await signIn("hr01", "hr-password-1");
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "職員の取り込み" })
      .click();

    await choose(badFile);
    const errors = page.getByRole("table", { name: "取り込みエラー" });
    await errors.waitFor();
    const rows = await errors.locator("tbody tr").allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^3\s/);
    expect(rows[0]).toContain("2026/13/01");
    expect(await page.getByRole("button", { name: "取り込む" }).isDisabled()).toBe(true);
    expect(await countStaff()).toBe(0);

    await choose(goodFile);
    await page.getByRole("table", { name: "追加" }).waitFor();
    await page.getByRole("button", { name: "取り込む" }).click();
    await expect
      .poll(() => page.getByRole("status").allInnerTexts())
      .toContainEqual(expect.stringContaining("取り込みが完了しました"));
    expect(await countStaff()).toBe(2);

    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "職員録" })
      .click();
    await page.getByLabel("検索", { exact: true }).fill("ウエマツ");
    await page.getByRole("button", { name: "検索する" }).click();
    await page.getByRole("link", { name: "植松 蓮" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("植松 蓮");
    expect(await page.getByText("人事係").first().isVisible()).toBe(true);
    await page.screenshot({ path: "test-results/hr-import-person.png", fullPage: true });
    await page.getByRole("button", { name: "ログアウト" }).click();
  });

  it("maps a file's own column heading to the staff number when the usual one is missing", async () => {
    await signIn("hr01", "hr-password-1");
    await openImport();
    const ownHeadings = goodFile
      .replace("職員番号", "社員コード")
      .replace("41001", "41003")
      .replace("41002", "41004");
    await choose(ownHeadings);
    const errorTable = page.getByRole("table", { name: "取り込みエラー" });
    await errorTable.waitFor();
    const errors = await errorTable.locator("tbody tr").allTextContents();
    expect(errors.join("\n")).toMatch(/職員番号/);

    await page.getByText(/見出しの対応づけ/).click();
    await page.getByLabel("「職員番号」の見出し").fill("社員コード");
    await page.getByRole("button", { name: "プレビュー" }).click();
    const adds = page.getByRole("table", { name: "追加" });
    await adds.waitFor();
    expect(await adds.locator("tbody tr").count()).toBe(2);
    await page.getByRole("button", { name: "ログアウト" }).click();
  });

  it("does not offer the import to a staff account, shows no screen at its address, and the API refuses it", async () => {
    await signIn("st01", "staff-password-1");
    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    expect(await nav.getByRole("link", { name: "職員の取り込み" }).count()).toBe(0);
    await page.goto(`${server.url}/import`);
    await page.getByRole("heading", { name: "この画面は表示できません" }).waitFor();
    // The same browser session, cookie and CSRF token included, calling the API directly.
    const session = await (await page.request.get(`${server.url}/api/auth/session`)).json();
    const refused = await page.request.post(`${server.url}/api/staff-import/preview`, {
      headers: { "x-csrf-token": String(session.csrfToken) },
      data: { contentBase64: Buffer.from(goodFile).toString("base64"), effectiveDate: "2026-04-01" },
    });
    const status = refused.status();
    expect(status).toBe(403);
    expect((await refused.json()).error.id).toBe("forbidden");
  });
});
