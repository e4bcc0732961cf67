import { CardRemovedError, fromHex, identifyCard, type ReaderEvent, TransportError } from "@tobira/card";
import { createUidVirtualCard } from "@tobira/card/virtual";
import { describe, expect, it } from "vitest";
import { createVirtualReaders } from "./virtual-readers";

const createFelicaCard = () =>
  createUidVirtualCard({ technology: "felica", uid: fromHex("01 2E 4C 1A 7B 33 09 55") });

describe("createVirtualReaders", () => {
  it("lists its readers and reports cards put on and taken off", async () => {
    const readers = createVirtualReaders(["書庫", "サーバ室"]);
    const events: ReaderEvent[] = [];
    readers.onEvent((event) => events.push(event));
    const card = createFelicaCard();

    readers.insert("書庫", card);
    readers.remove("書庫");

    expect(readers.list()).toEqual(["書庫", "サーバ室"]);
    expect(events).toEqual([
      { type: "card-inserted", reader: "書庫", atr: card.atr },
      { type: "card-removed", reader: "書庫" },
    ]);
    await readers.close();
  });

  it("connects to the card on a reader and reads it in-process", async () => {
    const readers = createVirtualReaders(["書庫"]);
    readers.insert("書庫", createFelicaCard());

    const connection = await readers.connect("書庫");

    expect(connection.readerName).toBe("書庫");
    expect(await identifyCard(connection)).toEqual({ kind: "uid", uid: "012e4c1a7b330955" });
    await readers.close();
  });

  it("fails a transmit once the card is taken off, and refuses to connect to an empty or unknown reader", async () => {
    const readers = createVirtualReaders(["書庫"]);
    readers.insert("書庫", createFelicaCard());
    const connection = await readers.connect("書庫");

    readers.remove("書庫");

    await expect(identifyCard(connection)).rejects.toBeInstanceOf(CardRemovedError);
    await expect(readers.connect("書庫")).rejects.toBeInstanceOf(TransportError);
    await expect(readers.connect("機械室")).rejects.toBeInstanceOf(TransportError);
    await readers.close();
  });

  it("reports the old card removed when a new one is put on an occupied reader", async () => {
    const readers = createVirtualReaders(["書庫"]);
    const events: string[] = [];
    readers.onEvent((event) => events.push(event.type));

    readers.insert("書庫", createFelicaCard());
    readers.insert("書庫", createFelicaCard());

    expect(events).toEqual(["card-inserted", "card-removed", "card-inserted"]);
    await readers.close();
  });
});
