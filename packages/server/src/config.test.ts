import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestJpkiCa } from "@tobira/card";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { writeTrustAnchorFile } from "./credentials/test-cards.fixture";

describe("loadConfig", () => {
  it("defaults to the embedded SQLite under ./data on port 3000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: "./data", secureCookies: false });
    expect(config.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("allows agents' clocks 5 seconds of skew unless TOBIRA_AGENT_CLOCK_SKEW_LIMIT_MS says otherwise", () => {
    expect(loadConfig({}).agentClockSkewLimitMs).toBe(5000);
    expect(loadConfig({ TOBIRA_AGENT_CLOCK_SKEW_LIMIT_MS: "2000" }).agentClockSkewLimitMs).toBe(2000);
    expect(() => loadConfig({ TOBIRA_AGENT_CLOCK_SKEW_LIMIT_MS: "soon" })).toThrow(
      /TOBIRA_AGENT_CLOCK_SKEW_LIMIT_MS/,
    );
  });

  it("names every bad variable in one error", () => {
    expect(() =>
      loadConfig({ TOBIRA_PORT: "eighty", TOBIRA_DATABASE_URL: "mysql://x", TOBIRA_LOG_LEVEL: "loud" }),
    ).toThrow(
      /TOBIRA_PORT: .*\n.*TOBIRA_DATABASE_URL: must be a postgres:\/\/ connection string\n.*TOBIRA_LOG_LEVEL/s,
    );
  });

  it("reads a JSON file and lets the environment override it", () => {
    const dir = mkdtempSync(join(tmpdir(), "tobira-config-"));
    const file = join(dir, "tobira.json");
    writeFileSync(file, JSON.stringify({ port: 8080, host: "0.0.0.0", secureCookies: true }));
    const config = loadConfig({ TOBIRA_CONFIG: file, TOBIRA_PORT: "9090" });
    expect(config).toMatchObject({ port: 9090, host: "0.0.0.0", secureCookies: true });
  });

  it("says which file it could not read", () => {
    expect(() => loadConfig({ TOBIRA_CONFIG: "/nonexistent/tobira.json" })).toThrow(
      /TOBIRA_CONFIG: cannot read/,
    );
  });

  it("trusts no proxy unless TOBIRA_TRUST_PROXY lists addresses or CIDRs", () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TOBIRA_TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,fd00::/8,::1" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "fd00::/8",
      "::1",
    ]);
  });

  it.each([
    ["a host name", "10.0.0.5,proxy.town.local", "proxy.town.local"],
    ["a prefix too long for IPv4", "10.1.0.0/33", "10.1.0.0/33"],
    ["a prefix that is not a number", "10.1.0.0/x", "10.1.0.0/x"],
    ["an empty entry", "10.0.0.5,,10.0.0.6", ""],
    ["an address out of range", "10.0.0.256", "10.0.0.256"],
  ])("refuses TOBIRA_TRUST_PROXY with %s, naming the entry", (_, value, entry) => {
    expect(() => loadConfig({ TOBIRA_TRUST_PROXY: value })).toThrow(
      `TOBIRA_TRUST_PROXY: "${entry}" is not an IP address or CIDR`,
    );
  });

  it("refuses a TOBIRA_TRUST_PROXY range that would trust every address", () => {
    expect(() => loadConfig({ TOBIRA_TRUST_PROXY: "10.0.0.5,0.0.0.0/0" })).toThrow(
      'TOBIRA_TRUST_PROXY: "0.0.0.0/0" would trust every address',
    );
  });

  it("reads the JPKI trust anchors once, both CA generations from one PEM file", () => {
    const now = new Date("2026-04-01T00:00:00Z");
    const generations = [createTestJpkiCa({ now, generation: "2015" }), createTestJpkiCa({ now })];
    const path = writeTrustAnchorFile(generations.map((ca) => ca.certificate));
    const config = loadConfig({ TOBIRA_JPKI_TRUST_ANCHORS: path });
    expect(config.jpkiTrustAnchors?.path).toBe(path);
    expect(config.jpkiTrustAnchors?.certificates.map((der) => Buffer.from(der))).toEqual(
      generations.map((ca) => Buffer.from(ca.certificate)),
    );
    expect(loadConfig({}).jpkiTrustAnchors).toBeUndefined();
  });

  it("names TOBIRA_JPKI_TRUST_ANCHORS when its file is missing or holds no certificate", () => {
    expect(() => loadConfig({ TOBIRA_JPKI_TRUST_ANCHORS: "/nonexistent/jpki-ca.pem" })).toThrow(
      /TOBIRA_JPKI_TRUST_ANCHORS: cannot read \/nonexistent\/jpki-ca\.pem/,
    );
    const dir = mkdtempSync(join(tmpdir(), "tobira-config-"));
    const empty = join(dir, "empty.pem");
    writeFileSync(empty, "not a certificate\n");
    expect(() => loadConfig({ TOBIRA_JPKI_TRUST_ANCHORS: empty })).toThrow(
      /TOBIRA_JPKI_TRUST_ANCHORS: .*empty\.pem holds no usable CA certificate/,
    );
  });
});
