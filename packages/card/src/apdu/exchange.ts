import type { CardConnection } from "../transport/transport";
import { concatBytes } from "./bytes";
import { type CommandApdu, encodeCommand } from "./command";
import { decodeResponse, type ResponseApdu } from "./response";
import { CardStatusError, SW_OK } from "./status-words";

/**
 * Sends one command and follows the card's transport-level answers: 61 xx (fetch the rest with GET
 * RESPONSE) and, for commands without data, 6C xx (send again with the Le the card asks for).
 */
export async function exchange(connection: CardConnection, command: CommandApdu): Promise<ResponseApdu> {
  let response = decodeResponse(await connection.transmit(encodeCommand(command)));
  // Only a command without data is sent again: repeating one with data (a PIN, say) could spend a try.
  if (response.sw >> 8 === 0x6c && !command.data?.length) {
    const le = response.sw & 0xff || 256;
    response = decodeResponse(await connection.transmit(encodeCommand({ ...command, le })));
  }
  let data = response.data;
  for (let rounds = 0; response.sw >> 8 === 0x61; rounds++) {
    // A card that keeps saying "more" would otherwise hold the reader forever.
    if (rounds > 255) throw new CardStatusError("GET RESPONSE", response.sw);
    const le = response.sw & 0xff || 256;
    response = decodeResponse(
      await connection.transmit(encodeCommand({ cla: 0x00, ins: 0xc0, p1: 0, p2: 0, le })),
    );
    data = concatBytes(data, response.data);
  }
  return { data, sw: response.sw };
}

/** Like `exchange`, but anything other than 90 00 becomes a CardStatusError naming the operation. */
export async function exchangeOk(
  connection: CardConnection,
  command: CommandApdu,
  operation: string,
): Promise<Uint8Array> {
  const response = await exchange(connection, command);
  if (response.sw !== SW_OK) throw new CardStatusError(operation, response.sw);
  return response.data;
}
