import { type Browser, chromium } from "playwright-core";

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
