import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// OWASP's recommended argon2id settings (19 MiB, 2 passes, 1 lane). The package's Algorithm enum is a
// const enum that isolated modules cannot read; 2 is its Argon2id.
const argon2id = 2;
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so a wrong login id cannot be told from a wrong password. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("tobira-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}

// No 0/O, 1/l/I: temporary passwords are read aloud and typed by hand.
const readableAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function generateTemporaryPassword(length = 14): string {
  let out = "";
  for (let i = 0; i < length; i++) out += readableAlphabet[randomInt(readableAlphabet.length)];
  return out;
}
