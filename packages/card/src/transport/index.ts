export { countExchanges, type ExchangeCount } from "./counting-connection";
export { type ApduResponder, connectInProcess } from "./in-process";
export { openPcscReaders, pcscInstallHint } from "./pcsc";
export {
  type CardConnection,
  type CardReaders,
  CardRemovedError,
  type ReaderEvent,
  TransportError,
} from "./transport";
export { insertIntoVpcd, type VpcdLink, vpcdBasePort } from "./vpcd-link";
