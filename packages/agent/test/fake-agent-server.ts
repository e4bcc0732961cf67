import { createPublicKey, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import {
  type AccessEventInput,
  type AgentMessage,
  type AgentStatus,
  agentHelloTag,
  agentMessageSchema,
  agentRegistrationMessage,
  agentRegistrationSchema,
  agentSocketPath,
  type ServerMessage,
} from "@tobira/protocol";
import { type WebSocket, WebSocketServer } from "ws";
import { formatKeyFingerprint } from "../src/identity/key-fingerprint";
import type { TestServerKey } from "./signed-policy";

// An Ed25519 SPKI DER is this header followed by the raw 32-byte key.
const ed25519SpkiHeader = Buffer.from("302a300506032b6570032100", "hex");

function verifyEd25519(rawPublicKey: string, message: string, signature: string): boolean {
  const publicKey = createPublicKey({
    key: Buffer.concat([ed25519SpkiHeader, Buffer.from(rawPublicKey, "base64")]),
    format: "der",
    type: "spki",
  });
  return verify(null, Buffer.from(message, "utf8"), publicKey, Buffer.from(signature, "base64"));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export interface FakeAgentServerOptions {
  snapshotKey: TestServerKey;
  /** Status given to a key when it registers. */
  initialStatus?: AgentStatus;
  heartbeatSeconds?: number;
  clockSkewMs?: number;
  /** Wait this long before acknowledging events, so batches are in flight for a while. */
  ackDelayMs?: number;
}

/**
 * The server side of the agent protocol, small enough to read: registration over HTTP, challenge →
 * hello (signature checked) → welcome or refused, and events deduplicated by id as the real hub does.
 */
export interface FakeAgentServer {
  readonly url: string;
  readonly registrations: { publicKey: string; name: string }[];
  /** Every agent message received, in arrival order. */
  readonly received: AgentMessage[];
  /** Events stored once each, in the order they first arrived. */
  readonly stored: AccessEventInput[];
  readonly duplicates: string[];
  /** While true, events are stored but never acknowledged (a batch stays in flight). */
  holdAcks: boolean;
  connections: number;
  helloFailures: number;
  statusOf: Map<string, AgentStatus>;
  /** Events batches (counted from 0) to store and then drop the socket without answering. */
  dropBeforeAck: Set<number>;
  /** Answer events with events_refused this many times. */
  refuseEvents: number;
  /** Do not answer the WebSocket at all (the agent sees a closed connection). */
  rejectConnections: boolean;
  /** WebSockets still open, authenticated or not. */
  openSockets(): number;
  sendToAgents(message: ServerMessage): void;
  dropAgents(): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeAgentServer(options: FakeAgentServerOptions): Promise<FakeAgentServer> {
  const sockets = new Set<WebSocket>();
  const storedIds = new Set<string>();
  const http: Server = createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/api/agents/registrations") {
      response.writeHead(404).end();
      return;
    }
    void readBody(request).then((body) => {
      const parsed = agentRegistrationSchema.safeParse(body);
      if (
        !parsed.success ||
        !verifyEd25519(parsed.data.publicKey, agentRegistrationMessage(parsed.data), parsed.data.signature)
      ) {
        response.writeHead(400, { "content-type": "application/json" }).end("{}");
        return;
      }
      server.registrations.push({ publicKey: parsed.data.publicKey, name: parsed.data.name });
      if (!server.statusOf.has(parsed.data.publicKey)) {
        server.statusOf.set(parsed.data.publicKey, options.initialStatus ?? "approved");
      }
      const fingerprint = formatKeyFingerprint(Buffer.from(parsed.data.publicKey, "base64"));
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ agentId: 1, status: server.statusOf.get(parsed.data.publicKey), fingerprint }));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  http.on("upgrade", (request, socket, head) => {
    if (request.url !== agentSocketPath || server.rejectConnections) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => handleSocket(ws));
  });

  function sendTo(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  function handleSocket(ws: WebSocket): void {
    server.connections += 1;
    const nonce = randomBytes(32).toString("base64");
    let authenticated = false;
    sendTo(ws, { type: "challenge", nonce, serverTime: new Date().toISOString() });
    ws.on("message", (data) => {
      const parsed = agentMessageSchema.safeParse(JSON.parse(data.toString()));
      if (!parsed.success) {
        sendTo(ws, { type: "refused", reason: "bad_message", message: "not a protocol message" });
        ws.close();
        return;
      }
      const message = parsed.data;
      server.received.push(message);
      if (message.type === "hello") {
        if (!verifyEd25519(message.publicKey, `${agentHelloTag}${nonce}`, message.signature)) {
          server.helloFailures += 1;
          sendTo(ws, { type: "refused", reason: "bad_signature", message: "the signature does not verify" });
          ws.close();
          return;
        }
        const status = server.statusOf.get(message.publicKey);
        if (status !== "approved") {
          const reason = status === undefined ? "unknown_agent" : status;
          sendTo(ws, { type: "refused", reason, message: `agent is ${reason}` });
          ws.close();
          return;
        }
        authenticated = true;
        sockets.add(ws);
        sendTo(ws, {
          type: "welcome",
          agentId: 1,
          readerId: 10,
          role: "door",
          doorId: 20,
          serverTime: new Date().toISOString(),
          clockSkewMs: options.clockSkewMs ?? 0,
          clockSkewLimitMs: 5000,
          heartbeatSeconds: options.heartbeatSeconds ?? 30,
          snapshotKey: {
            publicKeyPem: options.snapshotKey.publicKeyPem,
            fingerprint: options.snapshotKey.fingerprint,
          },
        });
        return;
      }
      if (!authenticated) return;
      if (message.type === "heartbeat")
        sendTo(ws, { type: "heartbeat_ack", serverTime: new Date().toISOString() });
      if (message.type === "events") handleEvents(ws, message.batchId, message.events);
    });
    ws.on("close", () => sockets.delete(ws));
  }

  let batchCount = 0;

  function handleEvents(ws: WebSocket, batchId: string, events: AccessEventInput[]): void {
    const batchIndex = batchCount++;
    if (server.refuseEvents > 0) {
      server.refuseEvents -= 1;
      sendTo(ws, { type: "events_refused", batchId, message: "try again" });
      return;
    }
    const accepted: string[] = [];
    const duplicates: string[] = [];
    for (const event of events) {
      if (storedIds.has(event.eventId)) {
        duplicates.push(event.eventId);
        continue;
      }
      storedIds.add(event.eventId);
      server.stored.push(event);
      accepted.push(event.eventId);
    }
    server.duplicates.push(...duplicates);
    if (server.dropBeforeAck.has(batchIndex)) {
      ws.terminate();
      return;
    }
    if (server.holdAcks) return;
    const ack: ServerMessage = { type: "events_ack", batchId, accepted, duplicates };
    if (options.ackDelayMs === undefined) sendTo(ws, ack);
    else setTimeout(() => sendTo(ws, ack), options.ackDelayMs);
  }

  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address = http.address();
  if (address === null || typeof address === "string") throw new Error("the test server has no port");
  const { port } = address;

  const server: FakeAgentServer = {
    url: `http://127.0.0.1:${port}`,
    registrations: [],
    received: [],
    stored: [],
    duplicates: [],
    holdAcks: false,
    connections: 0,
    helloFailures: 0,
    statusOf: new Map(),
    dropBeforeAck: new Set(),
    refuseEvents: 0,
    rejectConnections: false,
    openSockets: () => wss.clients.size,
    sendToAgents(message) {
      for (const ws of sockets) sendTo(ws, message);
    },
    dropAgents() {
      for (const ws of sockets) ws.terminate();
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error("timed out waiting for the agent");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
