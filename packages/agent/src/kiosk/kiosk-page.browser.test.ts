import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../../test/browser/browser";
import type { KioskAction, KioskScreen } from "./kiosk-screen";
import { startKioskServer } from "./kiosk-server";

// Chromium on a busy machine can take a while to repaint.
const patient = { timeout: 5000 };

let browser: Browser;
let kiosk: KioskScreen;
let page: Page;
let actions: KioskAction[];
let consoleLines: string[];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function openKiosk(): Promise<void> {
  kiosk = await startKioskServer({ port: 0 }, { title: "1階 出退勤端末" });
  actions = [];
  consoleLines = [];
  kiosk.onAction((action) => actions.push(action));
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("console", (message) => consoleLines.push(message.text()));
  await page.goto(kiosk.url);
}

afterEach(async () => {
  await page.close();
  await kiosk.close();
});

describe("the kiosk page", () => {
  it("shows a running clock in Japan's time, the reader's name and whether it is online", async () => {
    await openKiosk();
    kiosk.show({ kind: "idle", readerName: "1階 出退勤端末", online: false });
    const clock = page.getByTestId("clock");
    await expect.poll(() => clock.textContent(), patient).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    const expected = new Intl.DateTimeFormat("ja-JP", {
      timeZone: "Asia/Tokyo",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date());
    expect((await clock.textContent())?.slice(0, 5)).toBe(expected);
    await expect.poll(() => page.locator("main").textContent(), patient).toContain("1階 出退勤端末");
    expect(await page.locator(".status").textContent()).toContain("オフライン");
    expect(await page.locator(".hint").textContent()).toContain("カードをタッチしてください");
  });

  it("shows a punch with its time and name and lets the person switch it while the countdown runs", async () => {
    await openKiosk();
    const changeableUntil = new Date(Date.now() + 1500).toISOString();
    kiosk.show({
      kind: "punched",
      name: "山田 太郎",
      punch: "in",
      at: "2026-11-26T23:29:00.000Z",
      changeableUntil,
      note: "出勤の記録がありません / no clock-in today",
    });
    await expect.poll(() => page.locator(".punch-label").textContent(), patient).toContain("出勤");
    expect(await page.locator(".punch-time").textContent()).toBe("08:29");
    expect(await page.locator(".name").textContent()).toBe("山田 太郎 さん");
    expect(await page.locator(".note").textContent()).toContain("出勤の記録がありません");
    expect(await page.locator(".countdown").textContent()).toMatch(/あと [12] 秒/);
    await page.locator('button[data-punch="in"]').click();
    await page.locator('button[data-punch="out"]').click();
    await expect.poll(() => actions, patient).toEqual([{ kind: "changePunch", punch: "out" }]);
    await expect.poll(() => page.locator(".choices").isHidden(), patient).toBe(true);
  });

  it("takes a PIN on its keypad, shows only dots, and never writes the digits to the console", async () => {
    await openKiosk();
    kiosk.show({ kind: "pin", prompt: "暗証番号（4桁）を入力してください\nEnter your 4-digit PIN" });
    const dots = page.getByTestId("pin-dots");
    await expect.poll(() => dots.textContent(), patient).toBe("○○○○");
    const enter = page.getByRole("button", { name: /確定/ });
    for (const digit of ["1", "9", "5"]) await page.getByRole("button", { name: digit, exact: true }).click();
    expect(await dots.textContent()).toBe("●●●○");
    expect(await enter.isDisabled()).toBe(true);
    await page.getByRole("button", { name: /訂正/ }).click();
    for (const digit of ["8", "7"]) await page.getByRole("button", { name: digit, exact: true }).click();
    expect(await dots.textContent()).toBe("●●●●");
    expect(await page.locator("main").textContent()).not.toContain("1987");
    await enter.click();
    await expect.poll(() => actions, patient).toEqual([{ kind: "pin", pin: "1987" }]);
    expect(await dots.textContent()).toBe("○○○○");
    await page.getByRole("button", { name: /やめる/ }).click();
    await expect
      .poll(() => actions)
      .toEqual([
        { kind: "pin", pin: "1987" },
        { kind: "pin", pin: null },
      ]);
    expect(consoleLines.join("\n")).not.toContain("1987");
  });

  it("takes a PIN typed on a keyboard too", async () => {
    await openKiosk();
    kiosk.show({ kind: "pin", prompt: "PIN" });
    await expect.poll(() => page.getByTestId("pin-dots").textContent(), patient).toBe("○○○○");
    await page.keyboard.type("2468");
    await page.keyboard.press("Enter");
    await expect.poll(() => actions, patient).toEqual([{ kind: "pin", pin: "2468" }]);
  });

  it("shows messages and enrolment instructions as text", async () => {
    await openKiosk();
    kiosk.show({ kind: "message", tone: "error", text: "<b>カードを読めません</b>\nCannot read the card" });
    await expect
      .poll(() => page.locator(".message.error").textContent())
      .toContain("<b>カードを読めません</b>");
    kiosk.show({ kind: "enrolment", text: "カードを置いてください / Place the card" });
    await expect
      .poll(() => page.locator(".enrolment").textContent())
      .toBe("カードを置いてください / Place the card");
  });
});
