export { algorithmForKey } from "./algorithm-for-key";
export type { SignatureAlgorithm } from "./algorithms";
export { digestInfo, wrapDigestInfo } from "./digest-info";
export { derEcdsaToRaw, rawEcdsaToDer } from "./ecdsa-format";
export { SignatureError, type SignatureErrorReason } from "./signature-error";
export { type SignatureCheck, verifySignature } from "./verify-signature";
