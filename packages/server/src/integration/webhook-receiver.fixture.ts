import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "./webhook-signature";

export type ReceiverMode = "ok" | "error";

export interface ReceivedEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * A system on the other side, as a town's would be written: it verifies the signature with the secret
 * it was given, processes each event id once, and answers 200 for a repeat. In "error" mode it stores
 * the event and then fails with 500, as a receiver that crashes after its work does.
 */
export interface WebhookReceiver {
  url: string;
  /** Events processed, in order, each id once. */
  processed: ReceivedEvent[];
  /** Every POST, including repeats and refusals. */
  posts: { eventId: string | undefined; signatureValid: boolean; status: number }[];
  mode: ReceiverMode;
  secret: string;
  /** Stops listening: the next attempts find the port closed. */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeUp(): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string, now: () => Date): Promise<WebhookReceiver> {
  let server: Server | null = null;
  const seen = new Set<string>();
  const receiver: WebhookReceiver = {
    url: "",
    processed: [],
    posts: [],
    mode: "ok",
    secret,
    goDown: async () => {
      await closeServer();
    },
    comeUp: async () => {
      await listen(port);
    },
    close: async () => {
      await closeServer();
    },
  };

  function handle(body: string, headers: Record<string, string | string[] | undefined>): number {
    const signature = headers["tobira-signature"];
    const eventId = typeof headers["tobira-event-id"] === "string" ? headers["tobira-event-id"] : undefined;
    const signatureValid =
      typeof signature === "string" && verifyWebhookSignature(receiver.secret, body, signature, now());
    const status = !signatureValid ? 401 : answer(body);
    receiver.posts.push({ eventId, signatureValid, status });
    return status;
  }

  function answer(body: string): number {
    const event: ReceivedEvent = JSON.parse(body);
    if (!seen.has(event.id)) {
      seen.add(event.id);
      receiver.processed.push(event);
    }
    return receiver.mode === "ok" ? 200 : 500;
  }

  async function listen(onPort: number): Promise<number> {
    const next = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        response.statusCode = handle(Buffer.concat(chunks).toString("utf8"), request.headers);
        response.end();
      });
    });
    await new Promise<void>((resolve) => next.listen(onPort, "127.0.0.1", resolve));
    server = next;
    const address: AddressInfo | string | null = next.address();
    if (address === null || typeof address === "string") throw new Error("the receiver has no port");
    return address.port;
  }

  async function closeServer(): Promise<void> {
    const current = server;
    server = null;
    if (!current) return;
    current.closeAllConnections();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  }

  const port = await listen(0);
  receiver.url = `http://127.0.0.1:${port}/tobira-events`;
  return receiver;
}
