export { concatBytes, equalBytes, fromHex, toHex } from "./bytes";
export { ApduEncodingError, type CommandApdu, decodeCommand, encodeCommand } from "./command";
export { exchange, exchangeOk } from "./exchange";
export { ApduResponseError, decodeResponse, encodeResponse, type ResponseApdu, swHex } from "./response";
export { CardStatusError, interpretStatus, type StatusKind, type StatusMeaning, SW_OK } from "./status-words";
