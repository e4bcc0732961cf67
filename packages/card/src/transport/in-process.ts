import { type CardConnection, CardRemovedError } from "./transport";

/** What a virtual card does with one command APDU: return the response bytes (data + SW). */
export interface ApduResponder {
  readonly atr: Uint8Array;
  respond(command: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Power cycle: the card forgets selections and verified PINs. */
  reset?(): void;
}

/**
 * A connection straight to a virtual card in the same process: no pcscd, no driver. `remove()` takes
 * the card out, so the next transmit fails as with a real reader.
 */
export function connectInProcess(
  card: ApduResponder,
  readerName = "In-process reader",
): CardConnection & { remove(): void } {
  let present = true;
  card.reset?.();
  return {
    readerName,
    atr: card.atr,
    async transmit(command) {
      if (!present) throw new CardRemovedError(`the card was removed from ${readerName}`);
      return card.respond(command);
    },
    async disconnect() {
      present = false;
    },
    remove() {
      present = false;
    },
  };
}
