import { X509Certificate } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concatBytes, toHex } from "../apdu/bytes";
import { digestInfo, verifySignature } from "../signature/index";
import { personaliseStaffCard } from "../staff-card/personalise-staff-card";
import { selectStaffCard } from "../staff-card/select-staff-card";
import { createStaffCardId } from "../staff-card/staff-card-id";
import { connectInProcess } from "../transport/in-process";
import type { CardConnection } from "../transport/transport";
import { readCardUid } from "../uid/read-card-uid";
import { createTestJpkiCa, generateTestKeyPair, parseCertificate, type TestJpkiCa } from "../x509/index";
import { CardFileError, type JpkiCardFile, loadCard, parseCardFile, saveCard } from "./card-file";
import { createJpkiCard } from "./create-jpki-card";
import { createVirtualCard, openVirtualCard } from "./create-virtual-card";
import { transmitHex } from "./transmit-hex";

const NOW = new Date("2026-04-01T00:00:00Z");

let ca: TestJpkiCa;
let jpki: JpkiCardFile;
let directory: string;

beforeAll(async () => {
  ca = createTestJpkiCa({ now: NOW });
  jpki = createJpkiCard({ pin: "1234", ca, now: NOW, label: "総務課 テスト職員" });
  directory = await mkdtemp(join(tmpdir(), "tobira-cards-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function readWholeFile(connection: CardConnection, fid: string): Promise<Uint8Array> {
  await transmitHex(connection, `00 A4 02 0C 02 ${fid}`);
  const blocks: Uint8Array[] = [];
  for (let offset = 0; ; offset += 256) {
    const response = await transmitHex(
      connection,
      `00 B0 ${toHex(Uint8Array.of(offset >> 8, offset & 0xff))} 00`,
    );
    if (response.sw !== 0x9000) break;
    blocks.push(response.data);
  }
  return concatBytes(...blocks);
}

describe("createJpkiCard", () => {
  it("makes a card whose certificate comes from the test CA and whose key signs for it", async () => {
    expect(parseCardFile(JSON.parse(JSON.stringify(jpki)))).toEqual(jpki);
    const certificate = new X509Certificate(Buffer.from(jpki.userAuthCertificate, "base64"));
    expect(certificate.verify(new X509Certificate(ca.certificate).publicKey)).toBe(true);
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2031);

    const connection = connectInProcess(createVirtualCard(jpki));
    await transmitHex(connection, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01");
    const der = await readWholeFile(connection, "00 0A");
    expect(Buffer.from(der).toString("base64")).toBe(jpki.userAuthCertificate);
    const { publicKey } = parseCertificate(der);

    const challenge = new TextEncoder().encode("archive door, 2026-04-01 22:10");
    await transmitHex(connection, "00 A4 02 0C 02 00 18");
    await transmitHex(connection, "00 20 00 80 04 31 32 33 34");
    await transmitHex(connection, "00 A4 02 0C 02 00 17");
    const data = digestInfo("sha256", challenge);
    const signed = await transmitHex(connection, `80 2A 00 80 33 ${toHex(data)} 00`);
    expect(
      verifySignature({ publicKey, algorithm: "rsa-pkcs1-sha256", data: challenge, signature: signed.data }),
    ).toBe(true);
  });
});

describe("card files", () => {
  it("persists PIN tries: a wrong PIN is still counted after the card is opened again", async () => {
    const path = join(directory, "pin.json");
    await saveCard(path, jpki);

    const first = connectInProcess(await openVirtualCard(path));
    await transmitHex(first, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01");
    await transmitHex(first, "00 A4 02 0C 02 00 18");
    expect((await transmitHex(first, "00 20 00 80 04 30 30 30 30")).sw).toBe(0x63c2);
    expect(await loadCard(path)).toMatchObject({ pinTriesLeft: 2 });

    const second = connectInProcess(await openVirtualCard(path));
    await transmitHex(second, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01");
    await transmitHex(second, "00 A4 02 0C 02 00 18");
    expect((await transmitHex(second, "00 20 00 80")).sw).toBe(0x63c2);
    expect((await transmitHex(second, "00 20 00 80 04 31 32 33 34")).sw).toBe(0x9000);
    expect(await loadCard(path)).toMatchObject({ pinTriesLeft: 3, label: "総務課 テスト職員" });
    expect((await readdir(directory)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("persists a staff card's personalisation", async () => {
    const path = join(directory, "staff.json");
    await saveCard(path, { kind: "staff-card", personalised: false });
    const cardId = createStaffCardId();
    const identity = await personaliseStaffCard(connectInProcess(await openVirtualCard(path)), { cardId });

    const saved = await loadCard(path);
    expect(saved).toMatchObject({ kind: "staff-card", personalised: true, cardId });
    const reopened = connectInProcess(await openVirtualCard(path));
    expect(await selectStaffCard(reopened)).toBe(true);
    const point = await transmitHex(reopened, "00 CA 01 02 00");
    expect(identity.publicKey.subarray(-65)).toEqual(point.data);
  });

  it("opens a UID card", async () => {
    const path = join(directory, "felica.json");
    await writeFile(path, JSON.stringify({ kind: "uid", uid: "012E4C1A7B330955", technology: "felica" }));
    expect(await readCardUid(connectInProcess(await openVirtualCard(path)))).toBe("012e4c1a7b330955");
  });

  it("writes JSON a person can read", async () => {
    const path = join(directory, "readable.json");
    await saveCard(path, { kind: "uid", uid: "8a3c11f0", technology: "mifare" });
    expect(await readFile(path, "utf8")).toBe(
      '{\n  "kind": "uid",\n  "uid": "8a3c11f0",\n  "technology": "mifare"\n}\n',
    );
  });

  it("names the file when it is not JSON", async () => {
    const path = join(directory, "broken.json");
    await writeFile(path, "{ kind: jpki");
    await expect(loadCard(path)).rejects.toThrow(new RegExp(`^${path}: not JSON`));
  });
});

describe("parseCardFile names the field at fault", () => {
  const ecKey = () =>
    generateTestKeyPair("ec-p256").privateKey.export({ type: "pkcs8", format: "der" }).toString("base64");
  const cases: [string, () => unknown, string, RegExp][] = [
    ["not an object", () => [], "", /must be a JSON object/],
    ["an unknown kind", () => ({ kind: "suica" }), "kind", /"jpki", "staff-card" or "uid"/],
    ["a PIN of 6 digits", () => ({ ...jpki, pin: "123456" }), "pin", /4 digits/],
    ["tries beyond the maximum", () => ({ ...jpki, pinTriesLeft: 4 }), "pinTriesLeft", /0 to 3/],
    ["a fractional maximum", () => ({ ...jpki, pinMaxTries: 2.5 }), "pinMaxTries", /integer from 1 to 15/],
    [
      "a certificate that is not base64",
      () => ({ ...jpki, userAuthCertificate: "%%%" }),
      "userAuthCertificate",
      /base64/,
    ],
    [
      "a CA certificate that is not DER",
      () => ({ ...jpki, caCertificate: "AAAA" }),
      "caCertificate",
      /X\.509/,
    ],
    ["an EC key on a JPKI card", () => ({ ...jpki, privateKey: ecKey() }), "privateKey", /RSA-2048/],
    ["a misspelt field", () => ({ ...jpki, pinTriesleft: 3 }), "pinTriesleft", /not a field of a jpki card/],
    [
      "personalised without a key",
      () => ({ kind: "staff-card", personalised: true, cardId: "00".repeat(16) }),
      "privateKey",
      /required once personalised/,
    ],
    [
      "a short card ID",
      () => ({ kind: "staff-card", personalised: false, cardId: "abcd" }),
      "cardId",
      /hex of 16 bytes/,
    ],
    [
      "an RSA key on a staff card",
      () => ({ kind: "staff-card", personalised: false, privateKey: jpki.privateKey }),
      "privateKey",
      /P-256/,
    ],
    [
      "personalised as a string",
      () => ({ kind: "staff-card", personalised: "yes" }),
      "personalised",
      /true or false/,
    ],
    [
      "a FeliCa IDm of 4 bytes",
      () => ({ kind: "uid", uid: "01020304", technology: "felica" }),
      "uid",
      /8 bytes/,
    ],
    [
      "a MIFARE UID of 8 bytes",
      () => ({ kind: "uid", uid: "0102030405060708", technology: "mifare" }),
      "uid",
      /4 or 7 bytes/,
    ],
    [
      "an unknown technology",
      () => ({ kind: "uid", uid: "01020304", technology: "suica" }),
      "technology",
      /"felica" or "mifare"/,
    ],
  ];

  for (const [name, build, field, message] of cases) {
    it(`refuses ${name}`, () => {
      const error = (() => {
        try {
          parseCardFile(build(), "cards/yamada.json");
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CardFileError);
      expect(error).toMatchObject({ field });
      expect(String(error)).toMatch(message);
      expect(String(error)).toContain("cards/yamada.json");
    });
  }
});
