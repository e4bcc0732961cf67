import { createPublicKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { verifyDelta, verifySnapshot } from "@tobira/core";
import {
  type AgentCommandKind,
  type AgentMessage,
  type AgentRegistration,
  type AgentRole,
  agentHelloTag,
  agentRegistrationMessage,
  agentSocketPath,
  type ServerMessage,
  serverMessageSchema,
} from "@tobira/protocol";
import { WebSocket } from "ws";

/**
 * The agent side of the wire protocol, for tests and benchmarks: a real `ws` client with its own
 * Ed25519 key that registers over HTTP and speaks to /api/agent/socket like a reader agent would.
 */

export interface AgentKeys {
  /** The raw 32-byte public key, base64: what the agent sends. */
  publicKey: string;
  privateKey: KeyObject;
}

export function createAgentKeys(): AgentKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const spki = publicKey.export({ type: "spki", format: "der" });
  return { publicKey: spki.subarray(spki.length - 32).toString("base64"), privateKey };
}

export function signAgentText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, "utf8"), privateKey).toString("base64");
}

export function agentRegistration(
  keys: AgentKeys,
  agent: { name: string; role: AgentRole; softwareVersion?: string },
): AgentRegistration {
  const fields = { publicKey: keys.publicKey, name: agent.name, role: agent.role };
  return {
    ...fields,
    softwareVersion: agent.softwareVersion ?? "0.1.0",
    signature: signAgentText(keys.privateKey, agentRegistrationMessage(fields)),
  };
}

/** POSTs a registration to a listening server; returns the status and JSON body. */
export async function postAgentRegistration(
  baseUrl: string,
  registration: AgentRegistration,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/agents/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(registration),
  });
  return { status: response.status, body: await response.json() };
}

type MessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;

export interface AgentClientOptions {
  /** The server's base URL, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  keys: AgentKeys;
  /** Signs the hello with another key than `keys` (a forged agent). */
  signWith?: KeyObject;
  /** The agent's clock; the real one when left out. */
  agentTime?: () => Date;
  snapshotVersion?: number | null;
  softwareVersion?: string;
  /** Answers commands the way a door would; unanswered when left out. */
  answerCommand?: (command: { command: AgentCommandKind; seconds: number | null }) => {
    ok: boolean;
    message: string;
  };
  /** Verifies each snapshot and delta with the welcome's key and acknowledges it, like a real agent. */
  applyPolicy?: boolean;
  /** How long to wait for the server's challenge (2 s when left out). */
  challengeTimeoutMs?: number;
}

interface Waiter {
  accepts(message: ServerMessage): boolean;
  deliver(message: ServerMessage): void;
}

export class AgentClient {
  /** Every message received, in order. */
  readonly received: ServerMessage[] = [];
  /** The policy version this client runs (with applyPolicy). */
  version: number | null;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly unread: ServerMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private snapshotKey: KeyObject | null = null;

  private constructor(
    private readonly socket: WebSocket,
    private readonly options: AgentClientOptions,
  ) {
    this.version = options.snapshotVersion ?? null;
    this.closed = new Promise((resolve) => {
      socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    socket.on("message", (data) => this.receive(serverMessageSchema.parse(JSON.parse(data.toString()))));
    // Without a listener a socket error would end the whole test process; `close` follows it.
    socket.on("error", () => {});
  }

  /** Opens the socket, answers the challenge with a signed hello, and returns before the server replies. */
  static async connect(options: AgentClientOptions): Promise<AgentClient> {
    const url = `${options.baseUrl.replace(/^http/, "ws")}${agentSocketPath}`;
    const socket = new WebSocket(url);
    const client = new AgentClient(socket, options);
    // A refused or dropped connection fails the connect; later socket errors end in `closed`.
    const failed = new Promise<never>((_, reject) =>
      socket.once("error", (error) =>
        reject(new Error(`the agent socket to ${url} failed: ${error.message}`)),
      ),
    );
    failed.catch(() => {});
    const challenge = await Promise.race([client.next("challenge", options.challengeTimeoutMs), failed]);
    const signer = options.signWith ?? options.keys.privateKey;
    client.send({
      type: "hello",
      publicKey: options.keys.publicKey,
      signature: signAgentText(signer, agentHelloTag + challenge.nonce),
      agentTime: (options.agentTime?.() ?? new Date()).toISOString(),
      snapshotVersion: client.version,
      softwareVersion: options.softwareVersion ?? "0.1.0",
    });
    return client;
  }

  send(message: AgentMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** The next message of this type not yet taken (received earlier or later), within the time limit. */
  next<T extends ServerMessage["type"]>(
    type: T,
    timeoutMs = 2000,
    matches: (message: MessageOf<T>) => boolean = () => true,
  ): Promise<MessageOf<T>> {
    const isOfType = (message: ServerMessage): message is MessageOf<T> => message.type === type;
    const isWanted = (message: ServerMessage): message is MessageOf<T> =>
      isOfType(message) && matches(message);
    const index = this.unread.findIndex(isWanted);
    const found = this.unread[index];
    if (found && isWanted(found)) {
      this.unread.splice(index, 1);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${type} message within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        accepts: isWanted,
        deliver: (message) => {
          clearTimeout(timer);
          if (isWanted(message)) resolve(message);
        },
      };
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }

  private receive(message: ServerMessage): void {
    this.received.push(message);
    this.react(message);
    for (const waiter of this.waiters) {
      if (!waiter.accepts(message)) continue;
      this.waiters.delete(waiter);
      waiter.deliver(message);
      return;
    }
    this.unread.push(message);
  }

  private react(message: ServerMessage): void {
    if (message.type === "welcome") this.snapshotKey = createPublicKey(message.snapshotKey.publicKeyPem);
    if (message.type === "command" && this.options.answerCommand) {
      const answer = this.options.answerCommand({ command: message.command, seconds: message.seconds });
      this.send({ type: "command_result", commandId: message.commandId, ...answer });
    }
    if (!this.options.applyPolicy || !this.snapshotKey) return;
    if (message.type === "snapshot") {
      const verified = verifySnapshot(envelopeOf(message.snapshot), this.snapshotKey);
      this.acknowledge(message.snapshot.version, verified.ok ? null : verified.message);
    }
    if (message.type === "delta") {
      const verified = verifyDelta(envelopeOf(message.delta), this.snapshotKey);
      const fits = message.delta.baseVersion === this.version;
      this.acknowledge(
        message.delta.version,
        verified.ok ? (fits ? null : "base version differs") : verified.message,
      );
    }
  }

  private acknowledge(version: number, refusal: string | null): void {
    if (refusal !== null) {
      this.send({ type: "snapshot_refused", version, reason: refusal });
      return;
    }
    this.version = version;
    this.send({ type: "snapshot_applied", version });
  }
}

export function envelopeOf(signed: { payload: string; signature: string }) {
  return {
    payload: new Uint8Array(Buffer.from(signed.payload, "base64")),
    signature: new Uint8Array(Buffer.from(signed.signature, "base64")),
  };
}
