import { createConnection, type Socket } from "node:net";
import type { ApduResponder } from "./in-process";

/** vsmartcard's vpcd driver listens on 35963 for reader slot 0, 35964 for slot 1, and so on. */
export const vpcdBasePort = 35_963;

export interface VpcdLink {
  /** Resolves when vpcd has asked for the ATR, i.e. pcscd sees the card as inserted. */
  readonly ready: Promise<void>;
  /** Takes the card out of the virtual reader. */
  remove(): Promise<void>;
}

/**
 * Puts a virtual card into a vpcd reader: a TCP client speaking vpcd's framing (2-byte big-endian
 * length, then the payload). One-byte payloads are controls (00 off, 01 on, 02 reset, 04 ATR); longer
 * ones are command APDUs, answered with the card's response.
 */
export function insertIntoVpcd(
  card: ApduResponder,
  options: { host?: string; slot?: number } = {},
): VpcdLink {
  const socket: Socket = createConnection({
    host: options.host ?? "127.0.0.1",
    port: vpcdBasePort + (options.slot ?? 0),
  });
  socket.setNoDelay(true);
  let buffered = Buffer.alloc(0);
  let markReady: () => void = () => {};
  let markFailed: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  let queue = Promise.resolve();

  const send = (payload: Uint8Array) => {
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    frame.set(payload, 2);
    socket.write(frame);
  };

  const handle = async (payload: Buffer) => {
    if (payload.length === 1) {
      const control = payload[0];
      if (control === 0x04) {
        send(card.atr);
        markReady();
      } else if (control === 0x00 || control === 0x02) {
        card.reset?.();
      }
      return;
    }
    send(await card.respond(Uint8Array.from(payload)));
  };

  socket.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2) {
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) break;
      const payload = buffered.subarray(2, 2 + length);
      buffered = buffered.subarray(2 + length);
      // Answers go out in the order the commands came.
      queue = queue
        .then(() => handle(payload))
        .catch((error: unknown) => {
          socket.destroy(error instanceof Error ? error : new Error(String(error)));
        });
    }
  });
  socket.on("error", (error) =>
    markFailed(new Error(`cannot reach vpcd on slot ${options.slot ?? 0}: ${error.message}`)),
  );

  return {
    ready,
    remove: () =>
      new Promise((resolve) => {
        if (socket.destroyed) return resolve();
        socket.once("close", () => resolve());
        // Pulled out, not politely detached: vpcd sees the connection drop as the card leaving.
        socket.destroy();
      }),
  };
}
