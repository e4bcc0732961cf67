import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseKioskAction } from "./kiosk-action-schema";
import { renderKioskPage } from "./kiosk-page";
import type { KioskAction, KioskScreen, KioskView } from "./kiosk-screen";

export interface KioskServerConfig {
  port: number;
  host?: string;
}

export interface KioskServerOptions {
  title?: string;
  /** The view shown until the agent shows another. */
  initialView?: KioskView;
}

const MAX_ACTION_BYTES = 1024;
const KEEP_ALIVE_MS = 15_000;
const SECURITY_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

function readHostName(hostHeader: string | undefined): string {
  if (hostHeader === undefined) return "";
  return hostHeader.startsWith("[")
    ? hostHeader.slice(0, hostHeader.indexOf("]") + 1)
    : (hostHeader.split(":")[0] ?? "");
}

function formatUrl(host: string, port: number): string {
  return host.includes(":") ? `http://[${host}]:${port}/` : `http://${host}:${port}/`;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ACTION_BYTES) {
        resolve(null);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The terminal's local full-screen page: GET / is the page, GET /events streams the current view as
 * server-sent events, POST /actions takes the person's choices (a KioskAction as JSON). Binds 127.0.0.1
 * unless told otherwise, since only the kiosk browser on the same machine should reach it.
 */
export async function startKioskServer(
  config: KioskServerConfig,
  options: KioskServerOptions = {},
): Promise<KioskScreen> {
  const host = config.host ?? "127.0.0.1";
  const page = renderKioskPage(options.title ?? "Tobira");
  let view: KioskView = options.initialView ?? { kind: "message", tone: "info", text: "起動中…\nStarting…" };
  const streams = new Set<ServerResponse>();
  const listeners = new Set<(action: KioskAction) => void>();

  function writeView(stream: ServerResponse): void {
    stream.write(`data: ${JSON.stringify({ view, now: new Date().toISOString() })}\n\n`);
  }

  function openStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": "text/event-stream; charset=utf-8",
      connection: "keep-alive",
    });
    response.write("retry: 1000\n\n");
    writeView(response);
    streams.add(response);
    request.on("close", () => streams.delete(response));
  }

  // A page from another origin must not act for the person at the terminal.
  function isSameOrigin(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === undefined || origin === `http://${request.headers.host ?? ""}`;
  }

  async function receiveAction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isSameOrigin(request)) {
      sendJson(response, 403, { error: "forbidden", message: "actions come only from the kiosk page" });
      return;
    }
    if (!(request.headers["content-type"] ?? "").startsWith("application/json")) {
      sendJson(response, 415, {
        error: "unsupported_media_type",
        message: "send the action as application/json",
      });
      return;
    }
    const text = await readBody(request);
    const action = text === null ? null : parseKioskAction(parseJson(text));
    if (action === null) {
      // The body may hold a PIN, so it is never echoed back.
      sendJson(response, 400, { error: "bad_action", message: "not a kiosk action" });
      return;
    }
    response.writeHead(204, SECURITY_HEADERS);
    response.end();
    for (const listener of [...listeners]) listener(action);
  }

  function route(request: IncomingMessage, response: ServerResponse): void {
    // A loopback page answers only loopback names, so a web page that rebinds its own name to
    // 127.0.0.1 cannot read who punched or post for them.
    if (LOOPBACK_HOSTS.has(host) && !LOOPBACK_HOSTS.has(readHostName(request.headers.host))) {
      sendJson(response, 421, {
        error: "misdirected",
        message: "the kiosk page answers only on this machine",
      });
      return;
    }
    const path = new URL(request.url ?? "/", "http://kiosk.invalid").pathname;
    if (path === "/" && request.method === "GET") {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": PAGE_POLICY,
      });
      response.end(page);
      return;
    }
    if (path === "/events" && request.method === "GET") {
      openStream(request, response);
      return;
    }
    if (path === "/actions" && request.method === "POST") {
      receiveAction(request, response).catch(() => {
        if (!response.headersSent)
          sendJson(response, 400, { error: "bad_action", message: "could not read" });
      });
      return;
    }
    if (path === "/" || path === "/events" || path === "/actions") {
      sendJson(response, 405, {
        error: "method_not_allowed",
        message: `${request.method} is not allowed here`,
      });
      return;
    }
    sendJson(response, 404, { error: "not_found", message: "no such page" });
  }

  const server = createServer(route);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(": keep-alive\n\n");
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;

  return {
    url: formatUrl(host, port),
    show(next) {
      view = next;
      for (const stream of streams) writeView(stream);
    },
    onAction(listener) {
      const entry = (action: KioskAction) => listener(action);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    async close() {
      clearInterval(keepAlive);
      listeners.clear();
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
