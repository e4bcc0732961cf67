import { generateKeyPairSync, sign } from "node:crypto";
import { agentRegistrationMessage, agentRegistrationResultSchema } from "@tobira/protocol";
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signInThroughPage } from "./browser";
import { addAccount, startTestServer, type TestServer } from "./test-server";

const agentName = "archive-door-01";

/** A device beside the archive door: its own Ed25519 key, registered the way the agent does on first start. */
async function registerDoorAgent(api: APIRequestContext, url: string): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // The raw key is the last 32 bytes of the SPKI encoding.
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
  const message = agentRegistrationMessage({ publicKey: raw, role: "door", name: agentName });
  const signature = sign(null, Buffer.from(message), privateKey).toString("base64");
  const response = await api.post(`${url}/api/agents/registrations`, {
    data: { publicKey: raw, name: agentName, role: "door", softwareVersion: "0.1.0", signature },
  });
  expect(response.status(), await response.text()).toBe(200);
  const result = agentRegistrationResultSchema.parse(await response.json());
  expect(result.status).toBe("pending");
  return result.fingerprint;
}

/** The archive door and its entry reader, made through the API the doors screen uses. */
async function addArchiveReader(api: APIRequestContext, url: string): Promise<void> {
  const session = await (await api.get(`${url}/api/auth/session`)).json();
  const headers = { "x-csrf-token": String(session.csrfToken) };
  const post = async (path: string, data: unknown): Promise<number> => {
    const response = await api.post(`${url}${path}`, { headers, data });
    expect(response.status(), await response.text()).toBe(200);
    const body: { id: number } = await response.json();
    return body.id;
  };
  const building = await post("/api/access/areas", { name: "庁舎" });
  const archive = await post("/api/access/areas", { name: "書庫", parentId: building });
  const door = await post("/api/access/doors", { name: "書庫入口", fromAreaId: building, toAreaId: archive });
  await post("/api/access/readers", { name: "書庫入口 入", kind: "door", doorId: door, side: "entry" });
  await post("/api/access/readers", { name: "1階 出退勤端末", kind: "attendance" });
}

describe("security administrator: approving a reader agent by its fingerprint", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await addAccount(server, "sec01", "security-pass-1", ["staff", "securityAdmin"]);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows a pending agent's fingerprint, approves it for a door reader of its kind, then revokes it", async () => {
    await signInThroughPage(page, server.url, "sec01", "security-pass-1");
    await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
    await addArchiveReader(page.request, server.url);
    const fingerprint = await registerDoorAgent(page.request, server.url);

    await page.goto(`${server.url}/access/agents`);
    await page.getByRole("heading", { level: 1, name: "読取装置（エージェント）" }).waitFor();
    const row = page
      .getByRole("table", { name: "読取装置の一覧" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: agentName, exact: true }) });
    await row.getByText(fingerprint, { exact: true }).waitFor();
    await row.getByText("承認待ち", { exact: true }).waitFor();
    await row.getByText("未接続", { exact: true }).waitFor();

    await page.getByRole("button", { name: `「${agentName}」を承認…` }).click();
    const readerSelect = page.getByLabel("この装置が受け持つ読み取り機");
    // Only door readers are offered to a door agent; the attendance terminal is not.
    expect(await readerSelect.locator("option").allTextContents()).not.toContainEqual(
      expect.stringContaining("出退勤端末"),
    );
    await readerSelect.selectOption({ label: "書庫入口 入" });
    await page.getByRole("button", { name: "承認する", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `「${agentName}」を承認しました。` })
      .waitFor();
    await row.getByText("承認済み", { exact: true }).waitFor();
    await row.getByRole("cell", { name: "書庫入口 入", exact: true }).waitFor();

    await page.getByRole("button", { name: `「${agentName}」を失効…` }).click();
    await page.getByRole("button", { name: "失効させる", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `「${agentName}」を失効させました。` })
      .waitFor();
    await row.getByText("失効", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: `「${agentName}」を失効…` }).count()).toBe(0);
    await page.screenshot({ path: "test-results/agents-revoked.png", fullPage: true });
  });
});
