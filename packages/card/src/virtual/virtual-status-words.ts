/** Status words the virtual cards answer with (ISO/IEC 7816-4 meanings). */
export const SW = {
  ok: 0x9000,
  memoryFailure: 0x6581,
  wrongLength: 0x6700,
  incompatibleFileStructure: 0x6981,
  securityNotSatisfied: 0x6982,
  authenticationBlocked: 0x6984,
  conditionsNotSatisfied: 0x6985,
  noCurrentEf: 0x6986,
  functionNotSupported: 0x6a81,
  fileNotFound: 0x6a82,
  incorrectP1P2: 0x6a86,
  referencedDataNotFound: 0x6a88,
  wrongOffset: 0x6b00,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
  noPreciseDiagnosis: 0x6f00,
} as const;

/** 63 Cx: verification failed or queried, x tries left (0–15). */
export function swTriesLeft(tries: number): number {
  return 0x63c0 | (tries & 0x0f);
}

/** 6C xx: wrong Le, the card holds exactly this many bytes (256 encodes as 00). */
export function swExactLength(length: number): number {
  return 0x6c00 | (length & 0xff);
}
