import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signInThroughPage } from "./browser";
import { addAccount, startTestServer, type TestServer } from "./test-server";

/** 消防署 with one firefighter, made through the same API the organisation and staff screens use. */
async function addFireStation(api: APIRequestContext, url: string): Promise<{ staffId: number }> {
  const session = await (await api.get(`${url}/api/auth/session`)).json();
  const headers = { "x-csrf-token": String(session.csrfToken) };
  const post = async (path: string, data: unknown): Promise<number> => {
    const response = await api.post(`${url}${path}`, { headers, data });
    expect(response.status(), await response.text()).toBe(200);
    const body: { id: number } = await response.json();
    return body.id;
  };
  const departmentId = await post("/api/departments", {
    code: "F100",
    name: "消防署",
    kind: "department",
    parentId: null,
    validFrom: "2020-04-01",
  });
  const staffId = await post("/api/staff", {
    staffNumber: "F-0042",
    familyName: "火野",
    givenName: "守",
    familyNameKana: "ヒノ",
    givenNameKana: "マモル",
    employmentType: "regular",
    startDate: "2020-04-01",
    departmentId,
  });
  return { staffId };
}

describe("HR: a night-shift pattern, a 他律的 designation and a person's pattern", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await addAccount(server, "hr02", "hr-pass-0002", ["staff", "hr"]);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("adds a Monday night shift ending at 31:00 and shows its weekly hours", async () => {
    await signInThroughPage(page, server.url, "hr02", "hr-pass-0002");
    await page.goto(`${server.url}/attendance/patterns`);
    await page.getByRole("heading", { level: 1, name: "勤務パターン" }).waitFor();
    await page.getByRole("button", { name: "勤務パターンを追加" }).click();
    await page.getByText("翌日の 7:00 は 31:00", { exact: false }).first().waitFor();

    await page.getByLabel("勤務パターン", { exact: true }).fill("夜勤（月曜）");
    for (const day of ["火曜日", "水曜日", "木曜日", "金曜日"])
      await page.getByLabel(`${day}は勤務なし`).check();
    await page.getByLabel("月曜日の始業").fill("16:00");
    await page.getByLabel("月曜日の終業").fill("33:00");
    await page.getByLabel("月曜日の休憩").fill("12:00-13:00");
    await page.getByRole("button", { name: "追加する", exact: true }).click();
    // A break outside the shift is refused before anything is sent.
    await page.getByRole("alert").getByText("月曜日の休憩", { exact: false }).waitFor();

    await page.getByLabel("月曜日の休憩").fill("24:00-25:00");
    await page.getByText("週の勤務時間：16:00", { exact: true }).waitFor();
    await page.getByRole("button", { name: "追加する", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "勤務パターン「夜勤（月曜）」を保存しました。" })
      .waitFor();
    const row = page
      .getByRole("table", { name: "勤務パターンの一覧" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "夜勤（月曜）" }) });
    await row.getByRole("cell", { name: "16:00", exact: true }).waitFor();
    await row.getByText("月 16:00–33:00（休憩 24:00–25:00）", { exact: true }).waitFor();
  });

  it("designates the fire station 他律的 and assigns the night shift to a firefighter", async () => {
    const { staffId } = await addFireStation(page.request, server.url);

    await page.goto(`${server.url}/attendance/designations`);
    await page.getByRole("heading", { level: 1, name: "他律的部署の指定" }).waitFor();
    await page.getByLabel("部署").selectOption({ label: "消防署" });
    await page.getByLabel("開始日").fill("2027-04-01");
    await page.getByRole("button", { name: "追加する", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "消防署の指定を追加しました。" }).waitFor();
    const designation = page
      .getByRole("table", { name: "他律的部署の指定の一覧" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "消防署" }) });
    await designation.getByRole("cell", { name: "他律的な部署として指定" }).waitFor();
    await designation.getByRole("cell", { name: "定めなし" }).waitFor();

    await page.goto(`${server.url}/staff/${staffId}`);
    const panel = page.getByRole("region", { name: "勤務パターン" });
    await panel.getByText("勤務パターンが割り当てられていません。").waitFor();
    await panel
      .getByLabel("勤務パターン", { exact: true })
      .selectOption({ label: "夜勤（月曜）（週 16:00）" });
    await panel.getByLabel("開始日").fill("2027-04-01");
    await panel.getByRole("button", { name: "割り当てる", exact: true }).click();
    await panel
      .getByRole("status")
      .filter({ hasText: "勤務パターン「夜勤（月曜）」を割り当てました。" })
      .waitFor();
    await panel.getByRole("rowheader", { name: "夜勤（月曜）" }).waitFor();
    expect(await panel.getByRole("cell", { name: "2027年4月1日", exact: true }).count()).toBe(1);
  });
});
