import type { CardConnection, CardReaders } from "@tobira/card";
import { describeCardFailure } from "./card-failure";

export type CardWork<T> = { ok: true; value: T } | { ok: false; message: string };

/** Connects to the card on `reader`, runs `work`, and always lets the card go again. */
export async function withCard<T>(
  readers: CardReaders,
  reader: string | null,
  work: (connection: CardConnection) => Promise<T>,
): Promise<CardWork<T>> {
  if (reader === null) return { ok: false, message: "no card reader is attached" };
  let connection: CardConnection;
  try {
    connection = await readers.connect(reader);
  } catch (error) {
    return { ok: false, message: describeCardFailure(error).message };
  }
  try {
    return { ok: true, value: await work(connection) };
  } finally {
    await connection.disconnect().catch(() => undefined);
  }
}
