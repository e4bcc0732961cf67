import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../packages/server/src/auth/password-hashing";
import { insertUser } from "../../packages/server/src/auth/user-repository";
import { systemClock } from "../../packages/server/src/clock";
import { insertDepartment } from "../../packages/server/src/org/department-repository";
import { insertPosition } from "../../packages/server/src/org/position-repository";
import { createStaff } from "../../packages/server/src/org/staff-use-cases";
import { launchChromium, signInThroughPage } from "./browser";
import { startTestServer, type TestServer } from "./test-server";

const headNumber = "81000";
const deputyNumber = "81001";
/** The week the section head is away. */
const awayFrom = "2026-12-07";
const awayTo = "2026-12-13";

async function openMenu(page: Page, name: string) {
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name, exact: true })
    .click();
}

/** Finds a staff member by number in one of the form's two pickers; the first match is chosen. */
async function pickStaff(page: Page, group: string, staffNumber: string) {
  const picker = page.getByRole("group", { name: group });
  await picker.getByLabel("職員を検索（職員番号・氏名）").fill(staffNumber);
  await picker.getByRole("button", { name: "検索" }).click();
  await expect
    .poll(() => picker.getByRole("combobox").locator("option:checked").textContent())
    .toContain(staffNumber);
}

describe("承認の設定: HR names a proxy for a week and sends a section's overtime to HR from 45 h", () => {
  let server: TestServer;
  let browser: Browser;
  let departmentId = 0;

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.store.db;
    const department = await insertDepartment(db, {
      code: "2300",
      name: "税務課",
      kind: "department",
      parentId: null,
      validFrom: "2000-04-01",
      validTo: null,
    });
    departmentId = department.id;
    const head = await insertPosition(db, { code: "KACHO", name: "課長", rank: 10, isSectionHead: true });
    const person = (staffNumber: string, familyName: string, givenName: string, positionId: number | null) =>
      createStaff({ db, clock: systemClock }, "test", {
        staffNumber,
        familyName,
        givenName,
        familyNameKana: "ゼイム",
        givenNameKana: "タロウ",
        employmentType: "regular",
        startDate: "2020-04-01",
        endDate: null,
        email: null,
        phone: null,
        departmentId: department.id,
        positionId,
      });
    const sectionHead = await person(headNumber, "税務", "課長", head.id);
    await person(deputyNumber, "課税", "係長", null);
    const account = async (
      loginId: string,
      staffId: number | null,
      password: string,
      roles: ("staff" | "hr")[],
    ) =>
      insertUser(
        db,
        { loginId, staffId, passwordHash: await hashPassword(password), mustChangePassword: false, roles },
        new Date(),
      );
    await account("hr01", null, "hr-pass-0001", ["staff", "hr"]);
    await account(headNumber, sectionHead.id, "head-pass-0001", ["staff"]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("names the deputy as the section head's proxy for a week, refusing the head as their own proxy", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, "hr01", "hr-pass-0001");
    await openMenu(page, "承認ルート・代決者");
    await page.getByRole("heading", { level: 1, name: "代決者" }).waitFor();
    await page.getByText("代決者はまだ指定されていません。").waitFor();

    await pickStaff(page, "承認者", headNumber);
    await pickStaff(page, "代決者", headNumber);
    await page.getByText("承認者とは別の職員を選んでください。", { exact: true }).waitFor();
    await pickStaff(page, "代決者", deputyNumber);
    expect(await page.getByText("承認者とは別の職員を選んでください。", { exact: true }).count()).toBe(0);

    await page.getByLabel("開始日").fill(awayFrom);
    await page.getByLabel("終了日").fill("2026-12-01");
    await page.getByText("開始日以降の日付にしてください。", { exact: true }).waitFor();
    await page.getByLabel("終了日").fill(awayTo);
    expect(await page.getByText("開始日以降の日付にしてください。", { exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "代決者を登録する" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "税務 課長の代決者に課税 係長を登録しました（2026年12月7日〜2026年12月13日）。" })
      .waitFor();
    await page.screenshot({ path: "test-results/request-admin-proxies.png", fullPage: true });

    // The same two people cannot be named again for days that overlap.
    await pickStaff(page, "承認者", headNumber);
    await pickStaff(page, "代決者", deputyNumber);
    await page.getByLabel("開始日").fill("2026-12-10");
    await page.getByLabel("終了日").fill("2026-12-20");
    await page.getByRole("button", { name: "代決者を登録する" }).click();
    await page
      .getByText("同じ承認者と代決者の組み合わせで、期間の重なる指定がすでにあります。")
      .first()
      .waitFor();

    await page.reload();
    const table = page.getByRole("table", { name: "代決者の一覧（期間の新しい順）" });
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "税務 課長" }) });
    await row.getByRole("cell", { name: "課税 係長", exact: true }).waitFor();
    expect(await row.getByRole("cell").allTextContents()).toEqual(
      expect.arrayContaining(["2026年12月7日", "2026年12月13日"]),
    );
    expect(await table.getByRole("row").count()).toBe(2);
  }, 60_000);

  it("sends the section's overtime to HR from 45 hours and shows it again after a reload", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, "hr01", "hr-pass-0001");
    await page.goto(`${server.url}/requests/proxies`);
    await page
      .getByRole("navigation", { name: "承認の設定" })
      .getByRole("link", { name: "承認ルート" })
      .click();
    await page.getByRole("heading", { level: 1, name: "承認ルート" }).waitFor();
    await page.getByLabel("所属").selectOption({ label: "税務課" });
    await page.getByRole("heading", { level: 2, name: "税務課の承認ルート" }).waitFor();
    // A section nobody configured: the section head alone, overtime never to HR.
    expect(await page.getByLabel("人事に回さない").isChecked()).toBe(true);
    expect(await page.getByLabel("休日勤務の承認ルート").inputValue()).toBe("sectionHead");

    await page.getByLabel("月の時間外が次の時間に達したら人事に回す").check();
    const hours = page.getByLabel("人事に回す月の時間外（時間）");
    await hours.fill("45.5");
    await page.getByText("「45」や「45:30」の形で入力してください。", { exact: true }).waitFor();
    await hours.fill("45");
    expect(await page.getByText("「45」や「45:30」の形で入力してください。", { exact: true }).count()).toBe(
      0,
    );
    await page.getByRole("button", { name: "承認ルートを保存する" }).click();
    await page.getByRole("status").filter({ hasText: "税務課の承認ルートを保存しました。" }).waitFor();
    await page.screenshot({ path: "test-results/request-admin-routes.png", fullPage: true });

    await page.reload();
    await page.getByRole("heading", { level: 2, name: "税務課の承認ルート" }).waitFor();
    expect(page.url()).toContain(`department=${departmentId}`);
    expect(await page.getByLabel("月の時間外が次の時間に達したら人事に回す").isChecked()).toBe(true);
    expect(await page.getByLabel("人事に回す月の時間外（時間）").inputValue()).toBe("45");
    expect(await page.getByLabel("時間外勤務命令の承認ルート").inputValue()).toBe("byHours");

    const saved = await page.request.get(`${server.url}/api/requests/route-rules/${departmentId}`);
    expect(await saved.json()).toEqual({ hrForOvertimeFromMinutes: 45 * 60, hrForHolidayWork: false });
  }, 60_000);

  it("keeps the settings away from a section head who is not HR", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughPage(page, server.url, headNumber, "head-pass-0001");
    const menu = page.getByRole("navigation", { name: "メインメニュー" });
    await menu.getByRole("link", { name: "承認待ち", exact: true }).waitFor();
    expect(await menu.getByRole("link", { name: "承認ルート・代決者" }).count()).toBe(0);
    await page.goto(`${server.url}/requests/routes?department=${departmentId}`);
    await page.getByRole("heading", { level: 1, name: "この画面は表示できません" }).waitFor();
    expect(await page.getByRole("button", { name: "承認ルートを保存する" }).count()).toBe(0);
  }, 60_000);
});
