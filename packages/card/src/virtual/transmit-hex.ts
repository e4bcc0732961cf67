import { fromHex } from "../apdu/bytes";
import { decodeResponse, type ResponseApdu } from "../apdu/response";
import type { CardConnection } from "../transport/transport";

/** Sends a command written as hex ("00 A4 04 0C …") and decodes the answer: for tests and traces. */
export async function transmitHex(connection: CardConnection, command: string): Promise<ResponseApdu> {
  return decodeResponse(await connection.transmit(fromHex(command)));
}
