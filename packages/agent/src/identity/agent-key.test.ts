import { createHash, createPublicKey, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AgentKeyError, agentKeyFileName, loadOrCreateAgentKey } from "./agent-key";

const directories: string[] = [];

function makeTempDir(): string {
  const directory = mkdtempSync(join(tmpdir(), "tobira-agent-key-"));
  directories.push(directory);
  return directory;
}

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("loadOrCreateAgentKey", () => {
  it("makes a key on first start, stores it 0600 in a 0700 directory, and loads the same key later", () => {
    const dataDir = join(makeTempDir(), "data");
    const first = loadOrCreateAgentKey(dataDir);
    const file = join(dataDir, agentKeyFileName);

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, "utf8")).toContain("-----BEGIN PRIVATE KEY-----");

    const second = loadOrCreateAgentKey(dataDir);
    expect(second.publicKey).toBe(first.publicKey);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it("exposes the raw 32-byte public key whose SHA-256 is the fingerprint in groups of four", () => {
    const key = loadOrCreateAgentKey(makeTempDir());
    const raw = Buffer.from(key.publicKey, "base64");

    expect(raw).toHaveLength(32);
    const hex = createHash("sha256").update(raw).digest("hex");
    expect(key.fingerprint.replaceAll(" ", "")).toBe(hex);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
  });

  it("signs bytes so that the public key verifies them", () => {
    const dataDir = makeTempDir();
    const key = loadOrCreateAgentKey(dataDir);
    const message = new TextEncoder().encode("tobira-agent-hello-v1\nnonce");
    const signature = key.sign(message);

    const publicKey = createPublicKey(readFileSync(join(dataDir, agentKeyFileName), "utf8"));
    expect(signature).toHaveLength(64);
    expect(verify(null, message, publicKey, signature)).toBe(true);
    expect(verify(null, new TextEncoder().encode("other"), publicKey, signature)).toBe(false);
  });

  it("refuses a damaged key file instead of silently replacing the identity", () => {
    const dataDir = makeTempDir();
    writeFileSync(join(dataDir, agentKeyFileName), "not a key", { mode: 0o600 });

    expect(() => loadOrCreateAgentKey(dataDir)).toThrow(AgentKeyError);
    expect(readFileSync(join(dataDir, agentKeyFileName), "utf8")).toBe("not a key");
  });
});
