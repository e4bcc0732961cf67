import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { formatKeyFingerprint } from "./key-fingerprint";

/** The agent's own Ed25519 identity: the server knows it by the public key the administrator approved. */
export interface AgentKey {
  /** The raw 32-byte public key, base64. */
  readonly publicKey: string;
  /** SHA-256 of the raw public key, hex in groups of four. */
  readonly fingerprint: string;
  sign(bytes: Uint8Array): Uint8Array;
}

export const agentKeyFileName = "agent-key.pem";

// An Ed25519 SPKI DER is a fixed 12-byte header followed by the 32-byte key.
const rawPublicKeyLength = 32;

export class AgentKeyError extends Error {
  override name = "AgentKeyError";
}

function readRawPublicKey(publicKey: KeyObject): Uint8Array {
  const der = publicKey.export({ type: "spki", format: "der" });
  return new Uint8Array(der.subarray(der.length - rawPublicKeyLength));
}

function toAgentKey(privateKey: KeyObject): AgentKey {
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new AgentKeyError(
      `the agent key must be Ed25519, not ${privateKey.asymmetricKeyType ?? "unknown"}`,
    );
  }
  const raw = readRawPublicKey(createPublicKey(privateKey));
  return {
    publicKey: Buffer.from(raw).toString("base64"),
    fingerprint: formatKeyFingerprint(raw),
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
  };
}

function writeNewKeyFile(file: string, pem: string): void {
  // "wx": never overwrite a key that appeared meanwhile; 0600: only the agent's user may read it.
  const fd = openSync(file, "wx", 0o600);
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readKeyFile(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

function parseKey(file: string, pem: string): AgentKey {
  try {
    return toAgentKey(createPrivateKey({ key: pem, format: "pem" }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AgentKeyError(`${file} does not hold a usable Ed25519 private key (${reason})`);
  }
}

/** Loads the key pair from `<dataDir>/agent-key.pem`, making one on the first start. */
export function loadOrCreateAgentKey(dataDir: string): AgentKey {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, agentKeyFileName);
  const existing = readKeyFile(file);
  if (existing !== null) return parseKey(file, existing);
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    writeNewKeyFile(file, pem);
  } catch (error) {
    // Another process made the key first: use theirs, so both agree.
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      return parseKey(file, readFileSync(file, "utf8"));
    }
    throw error;
  }
  return toAgentKey(privateKey);
}
