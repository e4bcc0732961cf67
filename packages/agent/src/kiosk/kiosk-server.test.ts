import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { KioskAction, KioskScreen, KioskView } from "./kiosk-screen";
import { startKioskServer } from "./kiosk-server";

let kiosk: KioskScreen | null = null;

afterEach(async () => {
  await kiosk?.close();
  kiosk = null;
});

async function start(): Promise<KioskScreen> {
  kiosk = await startKioskServer({ port: 0 }, { title: "1階 出退勤端末" });
  return kiosk;
}

/** Reads server-sent events from /events, handing each data payload to the caller until it says stop. */
async function readViews(
  url: string,
  count: number,
  afterFirst?: () => void,
): Promise<{ view: KioskView; now: string }[]> {
  const controller = new AbortController();
  const response = await fetch(new URL("/events", url), { signal: controller.signal });
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error("no body");
  const decoder = new TextDecoder();
  const seen: { view: KioskView; now: string }[] = [];
  let text = "";
  while (seen.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const blocks = text.split("\n\n");
    text = blocks.pop() ?? "";
    for (const block of blocks) {
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      if (data === undefined) continue;
      seen.push(JSON.parse(data.slice("data: ".length)));
      if (seen.length === 1) afterFirst?.();
    }
  }
  controller.abort();
  return seen;
}

function postAction(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL("/actions", url), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

describe("startKioskServer", () => {
  it("listens on 127.0.0.1 by default on the port it was given", async () => {
    const screen = await start();
    expect(screen.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves one self-contained Japanese page with a strict content policy", async () => {
    const screen = await start();
    const response = await fetch(screen.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("<title>1階 出退勤端末</title>");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("escapes the title", async () => {
    kiosk = await startKioskServer({ port: 0 }, { title: "<b>&" });
    expect(await (await fetch(kiosk.url)).text()).toContain("<title>&#60;b&#62;&#38;</title>");
  });

  it("streams the current view at once and every view shown after", async () => {
    const screen = await start();
    screen.show({ kind: "idle", readerName: "1階 出退勤端末", online: true });
    const punched: KioskView = {
      kind: "punched",
      name: "山田 太郎",
      punch: "in",
      at: "2026-11-26T23:29:00.000Z",
      changeableUntil: "2026-11-26T23:29:05.000Z",
      note: null,
    };
    const seen = await readViews(screen.url, 2, () => screen.show(punched));
    expect(seen.map((event) => event.view)).toEqual([
      { kind: "idle", readerName: "1階 出退勤端末", online: true },
      punched,
    ]);
    expect(Number.isNaN(Date.parse(seen[0]?.now ?? ""))).toBe(false);
  });

  it("hands valid actions to every listener until it stops listening", async () => {
    const screen = await start();
    const first: KioskAction[] = [];
    const second: KioskAction[] = [];
    screen.onAction((action) => first.push(action));
    const stop = screen.onAction((action) => second.push(action));
    expect((await postAction(screen.url, JSON.stringify({ kind: "changePunch", punch: "out" }))).status).toBe(
      204,
    );
    stop();
    expect((await postAction(screen.url, JSON.stringify({ kind: "pin", pin: "1234" }))).status).toBe(204);
    expect((await postAction(screen.url, JSON.stringify({ kind: "pin", pin: null }))).status).toBe(204);
    expect(first).toEqual([
      { kind: "changePunch", punch: "out" },
      { kind: "pin", pin: "1234" },
      { kind: "pin", pin: null },
    ]);
    expect(second).toEqual([{ kind: "changePunch", punch: "out" }]);
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown kind", JSON.stringify({ kind: "unlock" })],
    ["a punch that is neither in nor out", JSON.stringify({ kind: "changePunch", punch: "break" })],
    ["a PIN that is not four digits", JSON.stringify({ kind: "pin", pin: "12345" })],
    ["extra fields", JSON.stringify({ kind: "pin", pin: "1234", remember: true })],
    ["a body over 1 KB", JSON.stringify({ kind: "pin", pin: "1234", padding: "x".repeat(2000) })],
  ])("refuses %s with 400 and never echoes the body", async (_name, body) => {
    const screen = await start();
    const received: KioskAction[] = [];
    screen.onAction((action) => received.push(action));
    const response = await postAction(screen.url, body);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain("1234");
    expect(JSON.parse(text)).toMatchObject({ error: "bad_action" });
    expect(received).toEqual([]);
  });

  it("refuses actions that are not JSON or come from another origin", async () => {
    const screen = await start();
    const received: KioskAction[] = [];
    screen.onAction((action) => received.push(action));
    const form = await postAction(screen.url, "kind=pin", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    const crossSite = await postAction(screen.url, JSON.stringify({ kind: "pin", pin: null }), {
      origin: "http://evil.example",
    });
    expect(crossSite.status).toBe(403);
    expect(received).toEqual([]);
  });

  it("answers only to loopback host names, so a rebound web name cannot read the views", async () => {
    const screen = await start();
    const status = (hostHeader: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(new URL(screen.url), { headers: { host: hostHeader } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on("error", reject);
        request.end();
      });
    const port = new URL(screen.url).port;
    expect(await status(`evil.example:${port}`)).toBe(421);
    expect(await status(`localhost:${port}`)).toBe(200);
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
  });

  it("answers 404 for other paths and 405 for other methods", async () => {
    const screen = await start();
    expect((await fetch(new URL("/favicon.ico", screen.url))).status).toBe(404);
    expect((await fetch(new URL("/actions", screen.url))).status).toBe(405);
  });

  it("closes open event streams when closed", async () => {
    const screen = await start();
    const ended = new Promise<void>((resolve, reject) => {
      const request = httpRequest(new URL("/events", screen.url), (response) => {
        response.once("data", () => {
          void screen.close();
        });
        response.on("end", () => resolve());
        response.resume();
      });
      request.on("error", reject);
      request.end();
    });
    await ended;
    kiosk = null;
  });
});
