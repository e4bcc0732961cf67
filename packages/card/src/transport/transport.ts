/**
 * One card in one reader, connected. Implementations: PC/SC (pcscd, real and vpcd readers) and an
 * in-process link to a virtual card for unit tests.
 */
export interface CardConnection {
  readonly readerName: string;
  readonly atr: Uint8Array;
  /** Sends a command APDU and returns the raw response (data + SW1 SW2). */
  transmit(command: Uint8Array): Promise<Uint8Array>;
  /** Releases the card; later transmits fail. */
  disconnect(): Promise<void>;
}

export type ReaderEvent =
  | { type: "reader-added"; reader: string }
  | { type: "reader-removed"; reader: string }
  | { type: "card-inserted"; reader: string; atr: Uint8Array }
  | { type: "card-removed"; reader: string };

/** Readers come and go; cards are inserted and removed. */
export interface CardReaders {
  list(): string[];
  connect(reader: string): Promise<CardConnection>;
  onEvent(listener: (event: ReaderEvent) => void): () => void;
  close(): Promise<void>;
}

/** The card left the reader (or the reader went away) during an exchange. */
export class CardRemovedError extends Error {
  override name = "CardRemovedError";
}

/** Anything else that went wrong below the APDU level. */
export class TransportError extends Error {
  override name = "TransportError";
}
