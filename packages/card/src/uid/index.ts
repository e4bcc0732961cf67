export { CardUidError, type CardUidFailure } from "./card-uid-error";
export { readCardUid } from "./read-card-uid";
export { identifyStorageCard, STORAGE_CARD_CODES, type StorageCardTechnology } from "./storage-card";
