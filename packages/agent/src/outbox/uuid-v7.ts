import { randomFillSync } from "node:crypto";
import type { Clock } from "../clock";

export type RandomFill = (bytes: Uint8Array) => void;

const defaultRandomFill: RandomFill = (bytes) => {
  randomFillSync(bytes);
};

// rand_a (12 bits) is a counter within one millisecond; it starts at a random value in the lower half,
// so at least 2048 ids fit in a millisecond before the timestamp has to move on.
const counterMax = 0xfff;
const counterSeedMask = 0x7ff;

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Makes UUIDv7 ids (RFC 9562): a 48-bit Unix-ms timestamp, version 7, a 12-bit counter, the variant
 * bits and 62 random bits. Ids from one generator sort (as strings) in the order they were made, even
 * within one millisecond or when the clock steps back.
 */
export function createUuidV7Generator(
  clock: Clock,
  randomFill: RandomFill = defaultRandomFill,
): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    const random = new Uint8Array(10);
    randomFill(random);
    const nowMs = clock().getTime();
    if (nowMs > lastMs) {
      lastMs = nowMs;
      counter = (((random[0] ?? 0) << 8) | (random[1] ?? 0)) & counterSeedMask;
    } else if (counter < counterMax) {
      counter += 1;
    } else {
      lastMs += 1;
      counter = (((random[0] ?? 0) << 8) | (random[1] ?? 0)) & counterSeedMask;
    }
    const bytes = new Uint8Array(16);
    let timestamp = lastMs;
    for (let position = 5; position >= 0; position--) {
      bytes[position] = timestamp % 256;
      timestamp = Math.floor(timestamp / 256);
    }
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes.set(random.subarray(2), 8);
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    return formatUuid(bytes);
  };
}

/** The Unix-ms timestamp a UUIDv7 carries. */
export function readUuidV7Time(id: string): number {
  return Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
}
