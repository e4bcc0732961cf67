import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { toHex } from "../apdu/bytes";
import { readJpkiTokenInfo, readPinStatus, readUserAuthCertificate } from "../jpki/jpki-client";
import { identifyCard } from "../profiles/identify-card";
import { personaliseStaffCard } from "../staff-card/index";
import { connectInProcess } from "../transport/in-process";
import { openPcscReaders } from "../transport/pcsc";
import type { CardConnection, CardReaders } from "../transport/transport";
import { insertIntoVpcd } from "../transport/vpcd-link";
import {
  type CardFile,
  createJpkiCard,
  createVirtualCard,
  loadCard,
  openVirtualCard,
  saveCard,
} from "../virtual/index";
import { createTestJpkiCa, loadTrustAnchors, validateCertificate } from "../x509/index";
import { loadTestCa, saveTestCa } from "./test-ca-file";

export const cardUsage = `tobira card <command>

  readers                               list the PC/SC readers
  info [--reader NAME] [--trust PEM] [--crl FILE]
                                        identify the card on a reader (no PIN asked, no try spent);
                                        with --trust, read the whole certificate and validate it
  watch                                 follow readers and cards until Ctrl-C
  virtual create-ca --out FILE          a TEST CA for virtual cards
  virtual create jpki --ca FILE --out FILE [--pin 1234] [--tries 3]
  virtual create staff-card --out FILE
  virtual create uid --out FILE [--technology felica|mifare] [--uid HEX]
  virtual insert FILE [--slot 0]        put a virtual card into a vsmartcard vpcd reader until Ctrl-C`;

export type Print = (line: string) => void;

/** Runs `tobira card …`; returns the exit code. */
export async function runCardCommand(args: string[], print: Print = console.log): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "readers":
      return withReaders(async (readers) => {
        const names = readers.list();
        print(names.length ? names.join("\n") : "カードリーダーが見つかりません / no readers");
        return names.length ? 0 : 1;
      });
    case "info":
      return cardInfo(rest, print);
    case "watch":
      return watch(print);
    case "virtual":
      return virtual(rest, print);
    default:
      print(cardUsage);
      return command === undefined || command === "help" ? 0 : 2;
  }
}

/** pcscd reports readers and their cards asynchronously; give it a moment to finish. */
async function withReaders(
  action: (readers: CardReaders, withCard: Set<string>) => Promise<number>,
): Promise<number> {
  const readers = openPcscReaders();
  const withCard = new Set<string>();
  const stop = readers.onEvent((event) => {
    if (event.type === "card-inserted") withCard.add(event.reader);
    if (event.type === "card-removed") withCard.delete(event.reader);
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return await action(readers, withCard);
  } finally {
    stop();
    await readers.close();
  }
}

async function cardInfo(args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { reader: { type: "string" }, trust: { type: "string" }, crl: { type: "string" } },
  });
  const trust = values.trust ? loadTrustAnchors(await readFile(values.trust, "utf8")) : undefined;
  const crl = values.crl ? Uint8Array.from(await readFile(values.crl)) : undefined;
  return withReaders(async (readers, withCard) => {
    const reader = values.reader ?? readers.list().find((name) => withCard.has(name));
    if (!reader) {
      print("カードが置かれたリーダーがありません / no reader has a card on it");
      return 1;
    }
    const connection = await readers.connect(reader);
    try {
      for (const line of await describeCard(connection)) print(line);
      if (!trust) return 0;
      const validation = await validateCardCertificate(connection, { anchors: trust, crl });
      print(`証明書の検証 / certificate check: ${validation}`);
      return validation.startsWith("OK") ? 0 : 1;
    } finally {
      await connection.disconnect();
    }
  });
}

/** What `card info` shows: never the PIN, never a spent try, never anything personal. */
export async function describeCard(connection: CardConnection): Promise<string[]> {
  const lines = [`リーダー / reader: ${connection.readerName}`, `ATR: ${toHex(connection.atr)}`];
  const identity = await identifyCard(connection);
  if (identity === null) return [...lines, "種類 / kind: 不明なカード / unknown card"];
  if (identity.kind === "jpki") {
    const token = await readJpkiTokenInfo(connection);
    const pin = await readPinStatus(connection);
    const pinText =
      pin.state === "blocked"
        ? "ロック中 / blocked"
        : pin.state === "verified"
          ? "確認済み / verified"
          : `${pin.triesLeft}`;
    return [
      ...lines,
      "種類 / kind: マイナンバーカード (JPKI) / My Number Card",
      `トークン / token: ${token}`,
      `利用者証明用電子証明書 シリアル / user-auth certificate serial: ${identity.serialNumber}`,
      `発行者 / issuer: ${identity.issuer}`,
      `有効期間 / valid: ${identity.notBefore} – ${identity.notAfter}`,
      `暗証番号の残り回数 / PIN tries left: ${pinText}`,
    ];
  }
  if (identity.kind === "staffCard") {
    return [...lines, "種類 / kind: 職員証AP / Tobira staff card", `カードID / card ID: ${identity.cardId}`];
  }
  return [...lines, "種類 / kind: ICカード (UID) / IC card by UID — low assurance", `UID: ${identity.uid}`];
}

/** Reads the whole user-auth certificate and checks it against the trust anchors (and CRL), now. */
export async function validateCardCertificate(
  connection: CardConnection,
  options: { anchors: Uint8Array[]; crl?: Uint8Array | undefined },
): Promise<string> {
  const certificate = await readUserAuthCertificate(connection);
  const result = validateCertificate(certificate, {
    anchors: options.anchors,
    at: new Date(),
    ...(options.crl ? { crl: options.crl } : {}),
  });
  return result.ok ? "OK" : `${result.reason}: ${result.message}`;
}

async function watch(print: Print): Promise<number> {
  const readers = openPcscReaders();
  readers.onEvent((event) => {
    const at = new Date().toISOString();
    if (event.type === "reader-added") print(`${at} リーダー接続 / reader added: ${event.reader}`);
    if (event.type === "reader-removed") print(`${at} リーダー取り外し / reader removed: ${event.reader}`);
    if (event.type === "card-removed") print(`${at} カード取り出し / card removed: ${event.reader}`);
    if (event.type === "card-inserted") {
      void readers
        .connect(event.reader)
        .then(async (connection) => {
          const lines = await describeCard(connection).finally(() => connection.disconnect());
          print(`${at} カード検出 / card: ${lines.slice(2).join(" · ")}`);
        })
        .catch((error: unknown) =>
          print(`${at} 読み取り失敗 / read failed on ${event.reader}: ${String(error)}`),
        );
    }
  });
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await readers.close();
  return 0;
}

async function virtual(args: string[], print: Print): Promise<number> {
  const [action, ...rest] = args;
  if (action === "create-ca") {
    const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
    if (!values.out) return missing("--out FILE", print);
    await saveTestCa(values.out, createTestJpkiCa({ now: new Date() }));
    print(`テストCAを作成しました / test CA written to ${values.out}`);
    return 0;
  }
  if (action === "create") return createCardFile(rest, print);
  if (action === "insert") return insertCard(rest, print);
  print(cardUsage);
  return 2;
}

function missing(what: string, print: Print): number {
  print(`${what} が必要です / ${what} is required`);
  return 2;
}

async function createCardFile(args: string[], print: Print): Promise<number> {
  const [kind, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: "string" },
      ca: { type: "string" },
      pin: { type: "string", default: "1234" },
      tries: { type: "string", default: "3" },
      technology: { type: "string", default: "felica" },
      uid: { type: "string" },
    },
  });
  if (!values.out) return missing("--out FILE", print);
  let card: CardFile;
  if (kind === "jpki") {
    if (!values.ca) return missing("--ca FILE", print);
    card = createJpkiCard({
      pin: values.pin,
      tries: Number(values.tries),
      ca: await loadTestCa(values.ca),
      now: new Date(),
    });
  } else if (kind === "staff-card") {
    card = await createPersonalisedStaffCard();
  } else if (kind === "uid") {
    const technology = values.technology === "mifare" ? "mifare" : "felica";
    const uid = values.uid ?? toHex(randomBytes(technology === "felica" ? 8 : 7), "").toLowerCase();
    card = { kind: "uid", technology, uid };
  } else {
    print("種類は jpki, staff-card, uid のいずれか / kind must be jpki, staff-card or uid");
    return 2;
  }
  await saveCard(values.out, card);
  print(`仮想カードを作成しました / virtual ${kind} card written to ${values.out}`);
  return 0;
}

/** A staff card as the enrolment desk makes one: a blank card personalised through its own commands. */
async function createPersonalisedStaffCard(): Promise<CardFile> {
  let latest: CardFile = { kind: "staff-card", personalised: false };
  const blank = createVirtualCard(latest, {
    onChange: (card) => {
      latest = card;
    },
  });
  await personaliseStaffCard(connectInProcess(blank), { cardId: toHex(randomBytes(16), "").toLowerCase() });
  return latest;
}

async function insertCard(args: string[], print: Print): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { slot: { type: "string", default: "0" } },
  });
  const path = positionals[0];
  if (!path) return missing("FILE", print);
  await loadCard(path);
  const card = await openVirtualCard(path);
  const link = insertIntoVpcd(card, { slot: Number(values.slot) });
  await link.ready;
  print(
    `仮想カードを挿入しました (vpcd slot ${values.slot}); Ctrl-C で取り出し / card inserted; Ctrl-C removes it`,
  );
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await link.remove();
  return 0;
}
