import { execFile } from "node:child_process";
import { randomBytes, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardReaders } from "../src/transport/transport";
import { createJpkiCard, loadCard, openVirtualCard, saveCard } from "../src/virtual/index";
import { createTestJpkiCa, parseCertificate } from "../src/x509/index";
import { type InsertedCard, insertVirtualCard, openVpcdReaders } from "./pcsc-harness";

const run = promisify(execFile);
const pkcs11Module = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
// vpcd slot 1 ("Virtual PCD 00 01"); the PC/SC stack test uses slot 0.
const slot = 1;

/**
 * OpenSC was written against real My Number Cards by other people. If its JPKI driver reads our
 * virtual card's certificate and signs with it after a PIN login, the virtual card behaves like one.
 */
describe("interop with OpenSC's JPKI driver", () => {
  const dir = mkdtempSync(join(tmpdir(), "tobira-opensc-"));
  const cardPath = join(dir, "card.json");
  let readers: CardReaders;
  let inserted: InsertedCard;
  let card: Awaited<ReturnType<typeof openVirtualCard>>;

  beforeAll(async () => {
    await saveCard(
      cardPath,
      createJpkiCard({ pin: "5678", ca: createTestJpkiCa({ now: new Date() }), now: new Date() }),
    );
    readers = await openVpcdReaders();
    card = await openVirtualCard(cardPath);
    inserted = await insertVirtualCard(readers, card, slot);
    // OpenSC connects on its own; ours would only get in its way.
    await inserted.connection.disconnect();
  });
  afterAll(async () => {
    await inserted?.pullOut();
    await readers?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function storedCertificate(): Promise<Uint8Array> {
    const file = await loadCard(cardPath);
    if (file.kind !== "jpki") throw new Error("not a JPKI card file");
    return Uint8Array.from(Buffer.from(file.userAuthCertificate, "base64"));
  }

  it("pkcs15-tool reads the user-authentication certificate exactly as stored", async () => {
    const { stdout } = await run("pkcs15-tool", ["--reader", String(slot), "--read-certificate", "01"], {
      timeout: 60_000,
    });
    const base64 = stdout.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
    expect(Buffer.from(base64, "base64").equals(Buffer.from(await storedCertificate()))).toBe(true);
  });

  it("pkcs11-tool signs after a PIN login, and the signature verifies with the certificate's key", async () => {
    const data = join(dir, "data.bin");
    const signature = join(dir, "signature.bin");
    const message = randomBytes(100);
    writeFileSync(data, message);
    await run(
      "pkcs11-tool",
      [
        "--module",
        pkcs11Module,
        "--token-label",
        "JPKI (User Authentication PIN)",
        "--login",
        "--pin",
        "5678",
        "--sign",
        "-m",
        "SHA256-RSA-PKCS",
        "--id",
        "01",
        "-i",
        data,
        "-o",
        signature,
      ],
      { timeout: 60_000 },
    );
    const { publicKey } = parseCertificate(await storedCertificate());
    expect(verify("sha256", message, publicKey, readFileSync(signature))).toBe(true);
    expect(verify("sha256", randomBytes(100), publicKey, readFileSync(signature))).toBe(false);
  });

  it("left every PIN try in place and never touched the application holding the 個人番号", async () => {
    const file = await loadCard(cardPath);
    expect(file.kind === "jpki" && file.pinTriesLeft).toBe(3);
    expect(card.kind === "jpki" ? card.forbiddenSelections : []).toEqual([]);
  });
});
