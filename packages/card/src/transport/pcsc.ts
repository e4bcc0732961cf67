import { createRequire } from "node:module";
import {
  type CardConnection,
  type CardReaders,
  CardRemovedError,
  type ReaderEvent,
  TransportError,
} from "./transport";

type PcscFactory = typeof import("pcsclite");
type PcscContext = ReturnType<PcscFactory>;
type PcscReader = Parameters<Parameters<PcscContext["on"]>[1]>[0] extends infer R
  ? R extends { transmit: unknown }
    ? R
    : never
  : never;

export const pcscInstallHint =
  "PC/SC support needs pcscd and the pcsclite binding: on Debian run `apt-get install -y pcscd libpcsclite-dev` and then `npm rebuild pcsclite`.";

/** The native binding is optional, so a server-only install needs no PC/SC headers. */
function loadPcsc(): PcscFactory {
  try {
    return createRequire(import.meta.url)("pcsclite");
  } catch (error) {
    throw new TransportError(
      `${pcscInstallHint} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

// PC/SC error codes that mean the card (or its reader) is gone.
const removalCodes = ["0x80100069", "0x80100067", "0x80100009", "0x80100017", "0x8010002e"];

function toTransportError(operation: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (removalCodes.some((code) => message.toLowerCase().includes(code))) {
    return new CardRemovedError(`${operation}: the card was removed (${message})`);
  }
  return new TransportError(`${operation}: ${message}`);
}

/**
 * Readers through pcscd (real USB readers, and vsmartcard's vpcd virtual readers). Emits reader
 * hot-plug and card insert/remove events.
 */
export function openPcscReaders(): CardReaders {
  const context = loadPcsc()();
  const readers = new Map<string, PcscReader>();
  // pcsclite's get_status starts a monitoring thread; calling it again would start a second one, so
  // the ATR comes from the status events instead.
  const atrs = new Map<string, Uint8Array>();
  const listeners = new Set<(event: ReaderEvent) => void>();
  const emit = (event: ReaderEvent) => {
    for (const listener of listeners) listener(event);
  };

  context.on("reader", (reader) => {
    readers.set(reader.name, reader);
    emit({ type: "reader-added", reader: reader.name });
    let previous = 0;
    reader.on("status", (status) => {
      const changed = previous ^ status.state;
      previous = status.state;
      if (changed & reader.SCARD_STATE_PRESENT) {
        if (status.state & reader.SCARD_STATE_PRESENT) {
          const atr = Uint8Array.from(status.atr ?? []);
          atrs.set(reader.name, atr);
          emit({ type: "card-inserted", reader: reader.name, atr });
        } else {
          atrs.delete(reader.name);
          emit({ type: "card-removed", reader: reader.name });
        }
      }
    });
    reader.on("end", () => {
      readers.delete(reader.name);
      atrs.delete(reader.name);
      emit({ type: "reader-removed", reader: reader.name });
    });
    reader.on("error", () => {
      // Status errors surface again at connect/transmit, where they are reported with context.
    });
  });
  context.on("error", () => {
    // pcscd going away shows up as readers ending; nothing to add here.
  });

  return {
    list: () => [...readers.keys()],
    connect: (name) => {
      const reader = readers.get(name);
      if (!reader) return Promise.reject(new TransportError(`no reader named "${name}"`));
      return connectReader(reader, atrs.get(name) ?? new Uint8Array());
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      for (const reader of readers.values()) reader.close();
      context.close();
    },
  };
}

function connectReader(reader: PcscReader, atr: Uint8Array): Promise<CardConnection> {
  return new Promise((resolve, reject) => {
    reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (error, protocol) => {
      if (error) return reject(toTransportError(`connect to ${reader.name}`, error));
      resolve(pcscConnection(reader, protocol, atr));
    });
  });
}

function pcscConnection(reader: PcscReader, protocol: number, atr: Uint8Array): CardConnection {
  return {
    readerName: reader.name,
    atr,
    transmit: (command) =>
      new Promise((resolve, reject) => {
        // 65,538 bytes: the largest extended response plus its status word.
        reader.transmit(Buffer.from(command), 65_538, protocol, (error, response) => {
          if (error) return reject(toTransportError(`transmit on ${reader.name}`, error));
          resolve(Uint8Array.from(response));
        });
      }),
    disconnect: () =>
      new Promise((resolve) => {
        reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve());
      }),
  };
}
