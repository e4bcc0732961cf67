import { createPrivateKey, type KeyObject } from "node:crypto";
import { type CardFile, loadCard, type StaffCardFile, saveCard } from "./card-file";
import { createJpkiVirtualCard, type JpkiVirtualCard } from "./jpki-virtual-card";
import {
  createStaffCardVirtualCard,
  type StaffCardState,
  type StaffCardVirtualCard,
} from "./staff-card-virtual-card";
import { createUidVirtualCard, type UidVirtualCard } from "./uid-virtual-card";

export type VirtualCard = JpkiVirtualCard | StaffCardVirtualCard | UidVirtualCard;

export interface VirtualCardOptions {
  /**
   * Receives the card file after every change the card makes to its own memory (PIN counter,
   * personalisation). If it throws, the card answers 65 81 and the change does not happen.
   */
  onChange?: (card: CardFile) => void | Promise<void>;
}

function decodeBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}

function importPkcs8(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, "base64"), format: "der", type: "pkcs8" });
}

function exportPkcs8(key: KeyObject): string {
  return key.export({ type: "pkcs8", format: "der" }).toString("base64");
}

function toStaffCardState(card: StaffCardFile): StaffCardState {
  return {
    ...(card.cardId === undefined ? {} : { cardId: new Uint8Array(Buffer.from(card.cardId, "hex")) }),
    ...(card.privateKey === undefined ? {} : { privateKey: importPkcs8(card.privateKey) }),
    personalised: card.personalised,
  };
}

function toStaffCardFile(state: StaffCardState, label: string | undefined): StaffCardFile {
  return {
    kind: "staff-card",
    ...(label === undefined ? {} : { label }),
    ...(state.cardId === undefined ? {} : { cardId: Buffer.from(state.cardId).toString("hex") }),
    ...(state.privateKey === undefined ? {} : { privateKey: exportPkcs8(state.privateKey) }),
    personalised: state.personalised,
  };
}

/** The virtual card a card file describes (expects a file already checked by `parseCardFile`). */
export function createVirtualCard(card: CardFile, options: VirtualCardOptions = {}): VirtualCard {
  const change = async (next: CardFile): Promise<void> => {
    await options.onChange?.(next);
  };
  if (card.kind === "jpki") {
    return createJpkiVirtualCard({
      pin: card.pin,
      pinTriesLeft: card.pinTriesLeft,
      pinMaxTries: card.pinMaxTries,
      userAuthCertificate: decodeBase64(card.userAuthCertificate),
      caCertificate: decodeBase64(card.caCertificate),
      privateKey: importPkcs8(card.privateKey),
      onPinTriesChange: (pinTriesLeft) => change({ ...card, pinTriesLeft }),
    });
  }
  if (card.kind === "staff-card") {
    return createStaffCardVirtualCard(toStaffCardState(card), {
      onChange: (state) => change(toStaffCardFile(state, card.label)),
    });
  }
  return createUidVirtualCard({
    technology: card.technology,
    uid: new Uint8Array(Buffer.from(card.uid, "hex")),
  });
}

/**
 * Loads a card file and keeps the file in step with the card: a wrong PIN is still counted after the
 * process ends, as on a real card.
 */
export async function openVirtualCard(path: string): Promise<VirtualCard> {
  return createVirtualCard(await loadCard(path), { onChange: (next) => saveCard(path, next) });
}
