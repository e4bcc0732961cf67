import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signInThroughPage } from "./browser";
import { startTestServer, type TestServer } from "./test-server";

const demoPassword = "tobira-demo";

/** The first current member of 情報政策係, whom the demo's IT-section My Number Card belongs to. */
async function findItSectionHolder(server: TestServer): Promise<string> {
  const row = await server.store.db
    .selectFrom("staff_assignment")
    .innerJoin("department", "department.id", "staff_assignment.department_id")
    .innerJoin("staff", "staff.id", "staff_assignment.staff_id")
    .select(["staff.family_name", "staff.given_name"])
    .where("department.name", "=", "情報政策係")
    .where("staff_assignment.valid_to", "is", null)
    .orderBy("staff.id")
    .executeTakeFirstOrThrow();
  return `${row.family_name} ${row.given_name}`;
}

async function signIn(page: Page, url: string, loginId: string): Promise<void> {
  await signInThroughPage(page, url, loginId, demoPassword);
}

function findLoginWithRoles(server: TestServer, matches: (roles: string[]) => boolean): string {
  const account = server.demoAccounts.find((candidate) => matches(candidate.roles));
  if (account === undefined) throw new Error("the demo town has no such account");
  return account.loginId;
}

describe("newcomer: a virtual card on the demo's server room reader", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens the server room with the IT section's card and PIN, and the entry reaches the live monitor", async () => {
    const holder = await findItSectionHolder(server);
    const page = await (await browser.newContext()).newPage();
    await signIn(
      page,
      server.url,
      findLoginWithRoles(server, (roles) => roles.join() === "staff"),
    );
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "仮想扉パネル" })
      .click();
    await page.getByRole("heading", { level: 1, name: "仮想扉パネル" }).waitFor();

    const card = page.getByRole("radio", { name: /マイナンバーカード（情報政策係）/ });
    await card.check();
    const reader = page.getByRole("button", { name: /サーバ室 入室/ });
    await reader.click();
    expect(await reader.getAttribute("aria-pressed")).toBe("true");
    await page.getByLabel("暗証番号").fill("1234");
    await page.getByRole("button", { name: "かざす", exact: true }).click();

    const result = page.getByRole("region", { name: "結果" });
    await result.getByText("許可", { exact: true }).waitFor();
    await result.getByText(`持ち主：${holder}`, { exact: true }).waitFor();
    await reader.getByText("解錠・閉", { exact: true }).waitFor();
    await reader.locator("svg.door-drawing--released").waitFor();
    await page.screenshot({ path: "test-results/door-panel-granted.png", fullPage: true });

    const monitor = await (await browser.newContext()).newPage();
    await signIn(
      monitor,
      server.url,
      findLoginWithRoles(server, (roles) => roles.includes("securityAdmin")),
    );
    await monitor.goto(`${server.url}/access/monitor`);
    await monitor
      .getByRole("table", { name: "ライブモニター" })
      .getByRole("row")
      .filter({ has: monitor.getByRole("cell", { name: holder, exact: true }) })
      .filter({ has: monitor.getByRole("cell", { name: "サーバ室入口", exact: true }) })
      .filter({ has: monitor.getByRole("cell", { name: "許可", exact: true }) })
      .waitFor();
    await monitor.screenshot({ path: "test-results/door-panel-monitor.png", fullPage: true });
  }, 60_000);
});
