import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { AgentLog } from "../log";
import { inputEventSize, parseInputEvents, readPinKey } from "./input-event";
import type { PinEntry } from "./pin-entry";
import { typePinKey } from "./pin-typing";

export interface KeypadPinEntryOptions {
  /** How often the device is read while a PIN is asked for. */
  pollMs?: number;
}

interface Listening {
  done: boolean;
}

function isWouldBlock(error: unknown): boolean {
  return (
    error instanceof Error && "code" in error && (error.code === "EAGAIN" || error.code === "EWOULDBLOCK")
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A keypad that is a Linux input device (/dev/input/eventN), or a FIFO or file carrying the same
 * events. The device is opened only while a PIN is asked for, so keys pressed at other times are never
 * read. Reads are non-blocking and polled: a blocking read of an input device would hold one of libuv's
 * few threads until the next key press.
 */
export function createKeypadPinEntry(
  devicePath: string,
  log: AgentLog,
  options: KeypadPinEntryOptions = {},
): PinEntry {
  const pollMs = options.pollMs ?? 20;
  let cancelCurrent: (() => void) | null = null;
  let reading: Promise<void> = Promise.resolve();

  async function readDevice(listening: Listening, onBytes: (bytes: Buffer) => void): Promise<void> {
    const handle = await open(devicePath, constants.O_RDONLY | constants.O_NONBLOCK).catch(
      (error: unknown) => {
        throw new Error(`cannot open the PIN keypad ${devicePath}: ${describeError(error)}`);
      },
    );
    try {
      // A regular file keeps what was written before; only what is appended while asking counts.
      const stats = await handle.stat();
      let position = stats.isFile() ? stats.size : null;
      const buffer = Buffer.alloc(inputEventSize * 32);
      while (!listening.done) {
        let bytesRead = 0;
        try {
          ({ bytesRead } = await handle.read(buffer, 0, buffer.length, position));
        } catch (error) {
          if (!isWouldBlock(error)) throw error;
        }
        if (bytesRead === 0) {
          await wait(pollMs);
          continue;
        }
        if (position !== null) position += bytesRead;
        onBytes(Buffer.from(buffer.subarray(0, bytesRead)));
      }
    } finally {
      await handle.close();
    }
  }

  return {
    requestPin(_prompt, timeoutMs) {
      cancelCurrent?.();
      return new Promise<string | null>((resolve) => {
        const listening: Listening = { done: false };
        let digits = "";
        let partial: Buffer = Buffer.alloc(0);
        const finish = (pin: string | null) => {
          if (listening.done) return;
          listening.done = true;
          clearTimeout(timer);
          if (cancelCurrent === cancel) cancelCurrent = null;
          resolve(pin);
        };
        const cancel = () => finish(null);
        cancelCurrent = cancel;
        const timer = setTimeout(cancel, timeoutMs);
        const previous = reading;
        reading = previous
          .then(() =>
            readDevice(listening, (bytes) => {
              const parsed = parseInputEvents(Buffer.concat([partial, bytes]));
              partial = parsed.rest;
              for (const event of parsed.events) {
                const key = listening.done ? null : readPinKey(event);
                if (key === null) continue;
                const step = typePinKey(digits, key);
                if (step.kind === "typing") digits = step.digits;
                else finish(step.kind === "entered" ? step.pin : null);
              }
            }),
          )
          .catch((error: unknown) => {
            log.error({ device: devicePath }, describeError(error));
            cancel();
          });
      });
    },
    async close() {
      cancelCurrent?.();
      await reading;
    },
  };
}
