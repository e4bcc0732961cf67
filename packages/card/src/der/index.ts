export { type ChildCursor, createChildCursor, openChildren, readChildren } from "./child-cursor";
export { DerError, type DerErrorReason } from "./der-error";
export { encodeInteger } from "./encode-integer";
export { encodeOid } from "./encode-oid";
export { encodeBitString, encodeBoolean, encodeNull, encodeOctetString } from "./encode-primitives";
export { encodeIa5String, encodePrintableString, encodeUtf8String, isPrintableString } from "./encode-string";
export { encodeGeneralizedTime, encodeTime, encodeUtcTime } from "./encode-time";
export {
  encodeContextExplicit,
  encodeContextImplicit,
  encodeLength,
  encodeSequence,
  encodeSet,
  encodeTlv,
} from "./encode-tlv";
export { type BitString, readBitString, readBitStringBytes } from "./read-bit-string";
export { readInteger, readIntegerBytes, readIntegerHex, readSmallInteger } from "./read-integer";
export { readOid } from "./read-oid";
export { readBoolean, readNull, readOctetString } from "./read-primitives";
export { readString } from "./read-string";
export { readGeneralizedTime, readTime, readUtcTime } from "./read-time";
export { readHeader, readSingleTlv, readTlv, type Tlv, type TlvHeader } from "./read-tlv";
export { type DerNode, readDerTree, type TreeLimits } from "./read-tree";
export { describeTag, makeContextTag, Tag } from "./tags";
