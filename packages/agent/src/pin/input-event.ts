import type { PinKey } from "./pin-typing";

/** struct input_event on 64-bit Linux: a 16-byte timeval, u16 type, u16 code, s32 value. */
export const inputEventSize = 24;

export interface InputEvent {
  type: number;
  code: number;
  value: number;
}

const EV_KEY = 1;
const KEY_PRESS = 1;

const DIGIT_KEYS = new Map<number, string>([
  [2, "1"],
  [3, "2"],
  [4, "3"],
  [5, "4"],
  [6, "5"],
  [7, "6"],
  [8, "7"],
  [9, "8"],
  [10, "9"],
  [11, "0"],
  [82, "0"],
  [79, "1"],
  [80, "2"],
  [81, "3"],
  [75, "4"],
  [76, "5"],
  [77, "6"],
  [71, "7"],
  [72, "8"],
  [73, "9"],
]);
const KEY_ESC = 1;
const KEY_BACKSPACE = 14;
const KEY_ENTER = 28;
const KEY_KPENTER = 96;

/** Whole events in `bytes` (little-endian, as on x86-64 and arm64) and the bytes of a partial one. */
export function parseInputEvents(bytes: Buffer): { events: InputEvent[]; rest: Buffer } {
  const events: InputEvent[] = [];
  let offset = 0;
  for (; offset + inputEventSize <= bytes.length; offset += inputEventSize) {
    events.push({
      type: bytes.readUInt16LE(offset + 16),
      code: bytes.readUInt16LE(offset + 18),
      value: bytes.readInt32LE(offset + 20),
    });
  }
  return { events, rest: bytes.subarray(offset) };
}

/** The PIN key a key press means; null for releases, repeats, other event types and other keys. */
export function readPinKey(event: InputEvent): PinKey | null {
  if (event.type !== EV_KEY || event.value !== KEY_PRESS) return null;
  const digit = DIGIT_KEYS.get(event.code);
  if (digit !== undefined) return { kind: "digit", digit };
  if (event.code === KEY_ENTER || event.code === KEY_KPENTER) return { kind: "enter" };
  if (event.code === KEY_BACKSPACE) return { kind: "backspace" };
  if (event.code === KEY_ESC) return { kind: "cancel" };
  return null;
}

/** Encodes one event as the kernel writes it, for keypads played by tests and the demo. */
export function encodeInputEvent(event: InputEvent, at: Date = new Date(0)): Buffer {
  const bytes = Buffer.alloc(inputEventSize);
  const ms = at.getTime();
  bytes.writeBigInt64LE(BigInt(Math.floor(ms / 1000)), 0);
  bytes.writeBigInt64LE(BigInt((ms % 1000) * 1000), 8);
  bytes.writeUInt16LE(event.type, 16);
  bytes.writeUInt16LE(event.code, 18);
  bytes.writeInt32LE(event.value, 20);
  return bytes;
}
