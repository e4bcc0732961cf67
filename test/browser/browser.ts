import { type Browser, chromium, type Page } from "playwright-core";

export const chromiumPath = process.env.TOBIRA_CHROMIUM ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with no calls home (this machine has no network beyond localhost). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** Signs in through the sign-in page, as a person would, and waits for the signed-in menu. */
export async function signInThroughPage(
  page: Page,
  url: string,
  loginId: string,
  password: string,
): Promise<void> {
  await page.goto(url);
  await page.getByLabel("職員番号").fill(loginId);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByRole("button", { name: "ログアウト" }).waitFor();
}
