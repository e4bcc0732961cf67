import type { ApduResponder } from "../src/transport/in-process";
import { openPcscReaders } from "../src/transport/pcsc";
import type { CardConnection, CardReaders } from "../src/transport/transport";
import { insertIntoVpcd, type VpcdLink } from "../src/transport/vpcd-link";

export function vpcdReaderName(slot: number): string {
  return `Virtual PCD 00 0${slot}`;
}

/** PC/SC through the running pcscd, once its vpcd readers are listed. */
export async function openVpcdReaders(): Promise<CardReaders> {
  const readers = openPcscReaders();
  for (let i = 0; i < 100; i++) {
    if (readers.list().includes(vpcdReaderName(0))) return readers;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await readers.close();
  throw new Error("pcscd lists no vpcd readers: is vsmartcard-vpcd installed and pcscd running?");
}

function waitFor(
  readers: CardReaders,
  type: "card-inserted" | "card-removed",
  reader: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${type} event on ${reader} within 10 s`));
    }, 10_000);
    const stop = readers.onEvent((event) => {
      if (event.type === type && event.reader === reader) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

export interface InsertedCard {
  connection: CardConnection;
  link: VpcdLink;
  /** Takes the card out, waits until pcscd has noticed, and releases the connection. */
  remove(): Promise<void>;
  /** Takes the card out without releasing the connection, as a hand pulling a card away would. */
  pullOut(): Promise<void>;
}

/** Puts a virtual card into a vpcd slot, waits for pcscd to see it, and connects through PC/SC. */
export async function insertVirtualCard(
  readers: CardReaders,
  card: ApduResponder,
  slot: number,
): Promise<InsertedCard> {
  const name = vpcdReaderName(slot);
  const inserted = waitFor(readers, "card-inserted", name);
  const link = insertIntoVpcd(card, { slot });
  await link.ready;
  await inserted;
  const connection = await readers.connect(name);
  return {
    connection,
    link,
    pullOut: async () => {
      const removed = waitFor(readers, "card-removed", name);
      await link.remove();
      await removed;
    },
    remove: async () => {
      const removed = waitFor(readers, "card-removed", name);
      await link.remove();
      await removed;
      await connection.disconnect();
    },
  };
}
