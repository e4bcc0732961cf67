export {
  type CardFile,
  CardFileError,
  type JpkiCardFile,
  loadCard,
  parseCardFile,
  type StaffCardFile,
  saveCard,
  type UidCardFile,
} from "./card-file";
export { buildContactlessAtr, buildStorageCardAtr, computeAtrChecksum } from "./contactless-atr";
export { createJpkiCard } from "./create-jpki-card";
export {
  createVirtualCard,
  openVirtualCard,
  type VirtualCard,
  type VirtualCardOptions,
} from "./create-virtual-card";
export { FORBIDDEN_APPLICATIONS, JPKI_CARD_AID, JPKI_CARD_ATR } from "./jpki-card-layout";
export {
  createJpkiVirtualCard,
  type ForbiddenSelection,
  type JpkiVirtualCard,
  type JpkiVirtualCardOptions,
} from "./jpki-virtual-card";
export {
  createStaffCardVirtualCard,
  STAFF_CARD_ATR,
  type StaffCardState,
  type StaffCardVirtualCard,
} from "./staff-card-virtual-card";
export { createUidVirtualCard, type UidVirtualCard } from "./uid-virtual-card";
