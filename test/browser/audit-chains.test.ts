import { accessEventInputSchema, doorInputSchema } from "@tobira/protocol";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArea } from "../../packages/server/src/access/area-use-cases";
import { createDoor } from "../../packages/server/src/access/door-use-cases";
import { createReader } from "../../packages/server/src/access/reader-use-cases";
import { ingestAccessEvents } from "../../packages/server/src/access-events/ingest-access-events";
import { systemClock } from "../../packages/server/src/clock";
import type { Store } from "../../packages/server/src/db/database";
import { launchChromium, signInThroughPage } from "./browser";
import { addAccount, startTestServer, type TestServer } from "./test-server";

const auditorPassword = "auditor-pass-01";

/** The newest stored entry of a chain, read straight from its table. */
async function newestEntry(store: Store, table: "audit_log" | "access_event") {
  const row = await store.db
    .selectFrom(table)
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}

/** Runs one chain's check with what is in its head field, and waits for the answer. */
async function verify(panel: Locator, buttonName: string): Promise<Locator> {
  await panel.getByRole("button", { name: buttonName }).click();
  const status = panel.getByRole("status");
  await status.locator(".verify-result").waitFor();
  return status;
}

describe("監査担当: checks both hash chains on 監査ログ against a head noted earlier", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const deps = { db: server.store.db, clock: systemClock };
    // The archive door and its reader: each change enters the audit log.
    const hall = await createArea(deps, "sec01", {
      name: "庁舎",
      parentId: null,
      antiPassback: false,
      twoPersonRule: false,
    });
    const archive = await createArea(deps, "sec01", {
      name: "書庫",
      parentId: hall.id,
      antiPassback: false,
      twoPersonRule: false,
    });
    const door = await createDoor(
      deps,
      "sec01",
      doorInputSchema.parse({ name: "書庫入口", fromAreaId: hall.id, toAreaId: archive.id }),
    );
    const reader = await createReader(deps, "sec01", {
      name: "書庫入口（入室）",
      kind: "door",
      doorId: door.id,
      side: "entry",
    });
    // A morning at the archive door, as its reader reports it: two entries and one refusal.
    const taps = [
      { at: "2026-11-27T08:31:04+09:00", card: "uid:04a1b2c3d4e501", granted: true, reason: "granted" },
      {
        at: "2026-11-27T08:47:40+09:00",
        card: "uid:04a1b2c3d4e502",
        granted: false,
        reason: "no_permission",
      },
      { at: "2026-11-27T09:02:18+09:00", card: "uid:04a1b2c3d4e501", granted: true, reason: "granted" },
    ];
    await ingestAccessEvents(
      deps,
      reader.id,
      taps.map((tap, index) =>
        accessEventInputSchema.parse({
          eventId: `archive-entry-${index + 1}`,
          occurredAt: tap.at,
          kind: "decision",
          credentialKey: tap.card,
          granted: tap.granted,
          reason: tap.reason,
          assurance: "tap",
          sequence: index + 1,
        }),
      ),
    );
    await addAccount(server, "audit01", auditorPassword, ["staff", "auditor"]);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows each intact chain's head, confirms it when typed back, and refuses a later or malformed one", async () => {
    await signInThroughPage(page, server.url, "audit01", auditorPassword);
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "監査ログ", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "監査ログ" }).waitFor();

    // 入退室記録: the three taps, intact; the head shown is the newest stored event.
    const events = page.getByRole("region", { name: "入退室記録", exact: true });
    const eventsStatus = await verify(events, "入退室記録を検証");
    await eventsStatus.getByText("問題ありません。3件の記録に改ざんは見つかりませんでした。").waitFor();
    const newestEvent = await newestEntry(server.store, "access_event");
    expect(newestEvent.seq).toBe(3);
    expect(await eventsStatus.locator("p.chain-head").textContent()).toBe(
      `先頭: 番号 3 / ハッシュ ${newestEvent.hash}`,
    );
    await eventsStatus.getByText("システムの外に控えてください", { exact: false }).waitFor();

    // 監査ログ: the door set-up and the sign-in, intact.
    const audit = page.getByRole("region", { name: "監査ログ", exact: true });
    const auditStatus = await verify(audit, "監査ログを検証");
    const newestAudit = await newestEntry(server.store, "audit_log");
    await auditStatus
      .getByText(`問題ありません。${newestAudit.seq}件の記録に改ざんは見つかりませんでした。`)
      .waitFor();
    // What the auditor notes: read off the screen.
    const shownHash = (await auditStatus.locator("code.chain-head__hash").textContent()) ?? "";
    expect(shownHash).toBe(newestAudit.hash);
    expect(await auditStatus.locator("p.chain-head").textContent()).toBe(
      `先頭: 番号 ${newestAudit.seq} / ハッシュ ${shownHash}`,
    );
    await page.screenshot({ path: "test-results/audit-chains-heads.png", fullPage: true });

    // The head as noted, typed back in: the chain still holds it.
    const auditHead = audit.getByRole("textbox", { name: "控えておいた先頭（任意）" });
    await auditHead.fill(`${newestAudit.seq}:${shownHash}`);
    await verify(audit, "監査ログを検証");
    await auditStatus.getByText(`控えた先頭 ${newestAudit.seq} を含んでいます。`).waitFor();

    // Copied in upper case with spaces, the access-event head is read the same.
    const eventsHead = events.getByRole("textbox", { name: "控えておいた先頭（任意）" });
    await eventsHead.fill(` 3 : ${newestEvent.hash.toUpperCase()} `);
    await verify(events, "入退室記録を検証");
    await eventsStatus.getByText("控えた先頭 3 を含んでいます。").waitFor();

    // A head five entries further on than the chain reaches: its newest entries look cut off.
    const laterSeq = newestAudit.seq + 5;
    await auditHead.fill(`${laterSeq}:${shownHash}`);
    await verify(audit, "監査ログを検証");
    await auditStatus
      .getByText(
        `最新の記録が削られています。記録は番号 ${newestAudit.seq} で終わり、控えた先頭の番号 ${laterSeq} に届きません。`,
      )
      .waitFor();
    await auditStatus.getByText(`控えた先頭 ${laterSeq} は確認できませんでした。`).waitFor();
    await auditStatus
      .getByText(
        `The chain ends at seq ${newestAudit.seq}, before the expected head at seq ${laterSeq}: its newest entries were cut off`,
      )
      .waitFor();
    expect(await auditStatus.locator("code.chain-head__hash").count()).toBe(0);
    await page.screenshot({ path: "test-results/audit-chains-cut-off.png", fullPage: true });

    // The newest seq with another hash: the entry there is not the one noted.
    const otherHash = shownHash.startsWith("0") ? `1${shownHash.slice(1)}` : `0${shownHash.slice(1)}`;
    await auditHead.fill(`${newestAudit.seq}:${otherHash}`);
    await verify(audit, "監査ログを検証");
    await auditStatus
      .getByText(
        `控えた先頭の番号 ${newestAudit.seq} に別の記録があります。記録が作り直されたか、控えが誤っています。`,
      )
      .waitFor();

    // Malformed heads are refused on the field as typed, and the check cannot be run with them.
    const verifyAudit = audit.getByRole("button", { name: "監査ログを検証" });
    await auditHead.fill(`${newestAudit.seq}:${shownHash.slice(0, 12)}`);
    await audit.getByText("ハッシュは0〜9とa〜fの64文字で入力してください。", { exact: true }).waitFor();
    expect(await auditHead.getAttribute("aria-invalid")).toBe("true");
    expect(await auditHead.getAttribute("aria-describedby")).toBe(
      "verify-audit-head-hint verify-audit-head-error",
    );
    expect(await verifyAudit.isDisabled()).toBe(true);
    await auditHead.fill(shownHash);
    await audit.getByText("「番号:ハッシュ」の形で入力してください（例 1234:9f86d0…）。").waitFor();
    await auditHead.fill(`0:${shownHash}`);
    await audit.getByText("番号は1以上の整数で入力してください。").waitFor();
    expect(await verifyAudit.isDisabled()).toBe(true);
    await page.screenshot({ path: "test-results/audit-chains-malformed.png", fullPage: true });

    // Emptied, the field asks nothing and the check runs again without a head.
    await auditHead.fill("");
    expect(await auditHead.getAttribute("aria-invalid")).toBeNull();
    expect(await verifyAudit.isDisabled()).toBe(false);
  });
});
