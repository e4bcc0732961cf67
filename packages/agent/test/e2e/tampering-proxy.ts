import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";

/**
 * A man in the middle between an agent and the server: HTTP passes through, and on the agent's
 * WebSocket it can rewrite the policy the server sends, as an attacker on the wire would.
 */
export interface TamperingProxy {
  url: string;
  /** While true, every snapshot and delta from the server reaches the agent with its payload altered. */
  tampering: boolean;
  /** Versions of the policy messages altered so far. */
  readonly tampered: number[];
  /** What the agent sent back about policies: `applied <version>` or `refused <version>: <reason>`. */
  readonly answers: string[];
  /** Cuts every relayed connection, so the agent reconnects. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Flips one bit of the signed bytes: the message still parses, but its signature no longer holds. */
function alterPayload(payload: string): string {
  const bytes = Buffer.from(payload, "base64");
  const last = bytes.length - 1;
  bytes.writeUInt8((bytes.readUInt8(last) ^ 0x01) & 0xff, last);
  return bytes.toString("base64");
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A close code a peer may send on (1005 and 1006 only describe a close, they are never sent). */
function relayableCode(code: number): number {
  return code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000;
}

export async function startTamperingProxy(target: string): Promise<TamperingProxy> {
  const upstream = new URL(target);
  const sockets = new Set<WebSocket>();
  const tampered: number[] = [];
  const answers: string[] = [];
  const proxy: TamperingProxy = {
    url: "",
    tampering: false,
    tampered,
    answers,
    dropConnections() {
      for (const socket of sockets) socket.terminate();
    },
    close: async () => {},
  };

  function rewriteFromServer(text: string): string {
    const message = readJson(text);
    if (!proxy.tampering || !isRecord(message)) return text;
    const body =
      message.type === "snapshot" ? message.snapshot : message.type === "delta" ? message.delta : null;
    if (!isRecord(body) || typeof body.payload !== "string") return text;
    tampered.push(typeof body.version === "number" ? body.version : Number.NaN);
    return JSON.stringify({
      ...message,
      [String(message.type)]: { ...body, payload: alterPayload(body.payload) },
    });
  }

  function noteFromAgent(text: string): void {
    const message = readJson(text);
    if (!isRecord(message)) return;
    if (message.type === "snapshot_applied") answers.push(`applied ${String(message.version)}`);
    if (message.type === "snapshot_refused")
      answers.push(`refused ${String(message.version)}: ${String(message.reason)}`);
  }

  const http = createServer((incoming, outgoing) => {
    const forwarded = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => {
      outgoing.writeHead(502).end();
    });
    incoming.pipe(forwarded);
  });

  const relay = new WebSocketServer({ noServer: true });
  http.on("upgrade", (incoming, socket, head) => {
    relay.handleUpgrade(incoming, socket, head, (agentSide) => {
      const serverSide = new WebSocket(`ws://${upstream.host}${incoming.url ?? "/"}`);
      sockets.add(agentSide);
      sockets.add(serverSide);
      const early: string[] = [];
      agentSide.on("message", (data) => {
        const text = data.toString();
        noteFromAgent(text);
        if (serverSide.readyState === WebSocket.OPEN) serverSide.send(text);
        else early.push(text);
      });
      serverSide.on("open", () => {
        for (const text of early.splice(0)) serverSide.send(text);
      });
      serverSide.on("message", (data) => {
        if (agentSide.readyState === WebSocket.OPEN) agentSide.send(rewriteFromServer(data.toString()));
      });
      serverSide.on("close", (code, reason) => {
        sockets.delete(serverSide);
        if (agentSide.readyState === WebSocket.OPEN) agentSide.close(relayableCode(code), reason);
        else agentSide.terminate();
      });
      agentSide.on("close", (code, reason) => {
        sockets.delete(agentSide);
        if (serverSide.readyState === WebSocket.OPEN) serverSide.close(relayableCode(code), reason);
        else serverSide.terminate();
      });
      serverSide.on("error", () => agentSide.terminate());
      agentSide.on("error", () => serverSide.terminate());
    });
  });

  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address: AddressInfo | string | null = http.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no TCP address");
  proxy.url = `http://127.0.0.1:${address.port}`;
  proxy.close = async () => {
    proxy.dropConnections();
    relay.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };
  return proxy;
}
