import { type CommandApdu, decodeCommand } from "../apdu/command";
import { encodeResponse, type ResponseApdu } from "../apdu/response";
import { SW } from "./virtual-status-words";

export type DecodedCommand = CommandApdu & { extended: boolean };

export type CommandHandler = (command: DecodedCommand) => ResponseApdu | Promise<ResponseApdu>;

export function answer(sw: number, data: Uint8Array = new Uint8Array(0)): ResponseApdu {
  return { data, sw };
}

/**
 * Turns any bytes into a well-formed response, as a card's operating system does: a command whose
 * lengths do not add up is a wrong length (67 00), and a fault inside the handler is 6F 00 rather
 * than a dead card.
 */
export async function respondSafely(bytes: Uint8Array, handle: CommandHandler): Promise<Uint8Array> {
  let command: DecodedCommand;
  try {
    command = decodeCommand(bytes);
  } catch {
    return encodeResponse(answer(SW.wrongLength));
  }
  try {
    return encodeResponse(await handle(command));
  } catch {
    return encodeResponse(answer(SW.noPreciseDiagnosis));
  }
}
