import type { ResponseApdu } from "../apdu/response";
import { answer, type DecodedCommand } from "./respond-safely";
import { SW, swExactLength } from "./virtual-status-words";

export const READER_CLA = 0xff;
export const INS_GET_DATA = 0xca;

/** True for the PC/SC pseudo-APDU GET DATA (FF CA), which the reader answers, not the card. */
export function isReaderGetData(command: DecodedCommand): boolean {
  return command.cla === READER_CLA && command.ins === INS_GET_DATA;
}

/**
 * The reader's answer to FF CA P1 P2 Le (PC/SC part 3): P1 00 is the UID (FeliCa IDm, MIFARE UID,
 * Type B PUPI). Le 00 takes it whole; a shorter Le gets 6C with the exact length.
 */
export function respondToReaderGetData(command: DecodedCommand, uid: Uint8Array): ResponseApdu {
  if (command.data !== undefined || command.extended) return answer(SW.wrongLength);
  if (command.p1 !== 0x00 || command.p2 !== 0x00) return answer(SW.functionNotSupported);
  const le = command.le ?? 256;
  if (le < uid.length) return answer(swExactLength(uid.length));
  return answer(SW.ok, uid.slice());
}
