import { createPrivateKey, randomBytes, verify } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { concatBytes, fromHex, toHex } from "../apdu/bytes";
import { CardStatusError } from "../apdu/status-words";
import { digestInfo } from "../signature/index";
import { countExchanges } from "../transport/counting-connection";
import { type ApduResponder, connectInProcess } from "../transport/in-process";
import { type CardConnection, CardRemovedError } from "../transport/transport";
import {
  createJpkiCard,
  createJpkiVirtualCard,
  createVirtualCard,
  type JpkiCardFile,
  type JpkiVirtualCard,
} from "../virtual/index";
import { createTestJpkiCa, type ParsedCertificate, parseCertificate, type TestJpkiCa } from "../x509/index";
import {
  identifyJpkiCard,
  readJpkiTokenInfo,
  readPinStatus,
  readUserAuthCaCertificate,
  readUserAuthCertificate,
  selectJpkiApplication,
  signWithUserAuthKey,
  verifyPinGuarded,
} from "./jpki-client";
import { PinRefusedError } from "./jpki-errors";

const NOW = new Date("2025-04-01T00:00:00Z");
const PIN = "1234";

/** Written out here rather than imported, so a wrong constant in the client cannot hide itself. */
const JPKI_AID = fromHex("D3 92 F0 00 26 01 00 00 00 01");
const CARD_INFO_INPUT_AID = fromHex("D3 92 10 00 31 00 01 01 04 08");
const VERIFY_WITH_DIGITS = fromHex("00 20 00 80 04");

let ca: TestJpkiCa;
let cardFile: JpkiCardFile;
let certificate: Uint8Array;
let parsed: ParsedCertificate;

beforeAll(() => {
  ca = createTestJpkiCa({ now: NOW });
  cardFile = createJpkiCard({ pin: PIN, ca, now: NOW });
  certificate = new Uint8Array(Buffer.from(cardFile.userAuthCertificate, "base64"));
  parsed = parseCertificate(certificate);
});

function openCard(
  overrides: Partial<Pick<JpkiCardFile, "pinTriesLeft" | "pinMaxTries">> = {},
): JpkiVirtualCard {
  const card = createVirtualCard({ ...cardFile, ...overrides });
  if (card.kind !== "jpki") throw new Error("the card file describes a JPKI card");
  return card;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((byte, i) => haystack[start + i] === byte)) return true;
  }
  return false;
}

/** A connection that keeps every command sent, on top of counting. */
function recordingConnection(card: ApduResponder): {
  connection: CardConnection;
  commands: Uint8Array[];
  count: { apdus: number };
} {
  const commands: Uint8Array[] = [];
  const counted = countExchanges(
    connectInProcess({
      atr: card.atr,
      reset: () => card.reset?.(),
      respond(command) {
        commands.push(command.slice());
        return card.respond(command);
      },
    }),
  );
  return { connection: counted.connection, commands, count: counted.count };
}

function pinVerifications(commands: readonly Uint8Array[]): number {
  return commands.filter((command) => startsWith(command, VERIFY_WITH_DIGITS)).length;
}

/** A card that answers 90 00 to everything except VERIFY, where it gives the scripted status words in turn. */
function scriptedPinCard(verifyAnswers: { empty: string; withPin?: string }): {
  connection: CardConnection;
  commands: Uint8Array[];
} {
  const commands: Uint8Array[] = [];
  const connection = connectInProcess({
    atr: fromHex("3B E0 00 FF 81 31 FE 45 14"),
    respond(command) {
      commands.push(command.slice());
      if (command[1] !== 0x20) return fromHex("90 00");
      return fromHex(command.length === 4 ? verifyAnswers.empty : (verifyAnswers.withPin ?? "6F 00"));
    },
  });
  return { connection, commands };
}

async function refusal(promise: Promise<unknown>): Promise<PinRefusedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PinRefusedError) return error;
    throw error;
  }
  throw new Error("expected a PinRefusedError, but the call succeeded");
}

describe("identifyJpkiCard: the tap", () => {
  it("reads serial, issuer and validity in exactly 3 APDUs, equal to the stored certificate's", async () => {
    const { connection, count } = countExchanges(connectInProcess(openCard()));
    const summary = await identifyJpkiCard(connection);
    expect(count.apdus).toBe(3);
    expect(summary.serialNumber).toBe(parsed.serialNumber);
    expect(summary.issuer.text).toBe(parsed.issuer.text);
    expect(summary.notBefore).toBe(parsed.notBefore);
    expect(summary.notAfter).toBe(parsed.notAfter);
    expect(summary.totalLength).toBe(certificate.length);
    expect(summary.notBefore).toBe("2025-04-01T00:00:00.000Z");
  });

  it("names the JPKI user-authentication CA as issuer", async () => {
    const summary = await identifyJpkiCard(connectInProcess(openCard()));
    expect(summary.issuer.text).toMatch(
      /^C=JP, O=JPKI, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems/,
    );
  });

  it("sends SELECT JPKI, SELECT 000A and one 256-byte READ BINARY, and nothing else", async () => {
    const { connection, commands } = recordingConnection(openCard());
    await identifyJpkiCard(connection);
    expect(commands.map((command) => toHex(command))).toEqual([
      "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01",
      "00 A4 02 0C 02 00 0A",
      "00 B0 00 00 00",
    ]);
  });

  it("spends no PIN try", async () => {
    const card = openCard();
    await identifyJpkiCard(connectInProcess(card));
    expect(card.pinTriesLeft).toBe(3);
  });
});

describe("readUserAuthCertificate", () => {
  it("returns the exact DER in 2 + ceil(length / 256) APDUs", async () => {
    const { connection, count } = countExchanges(connectInProcess(openCard()));
    const der = await readUserAuthCertificate(connection);
    expect(toHex(der)).toBe(toHex(certificate));
    expect(count.apdus).toBe(2 + Math.ceil(certificate.length / 256));
  });

  it.each([700, 768, 769, 1024, 1583, 2048])(
    "reads a %i-byte certificate file whole, in 2 + ceil(length / 256) APDUs",
    async (length) => {
      // The real certificate's head under a new outer length, padded: the client only sizes by the header.
      const body = new Uint8Array(length - 4);
      body.set(certificate.subarray(4, Math.min(certificate.length, length)));
      const file = concatBytes(Uint8Array.of(0x30, 0x82, (length - 4) >> 8, (length - 4) & 0xff), body);
      const card = createJpkiVirtualCard({
        pin: PIN,
        pinTriesLeft: 3,
        pinMaxTries: 3,
        userAuthCertificate: file,
        caCertificate: ca.certificate,
        privateKey: createPrivateKey({
          key: Buffer.from(cardFile.privateKey, "base64"),
          format: "der",
          type: "pkcs8",
        }),
      });
      const { connection, count } = countExchanges(connectInProcess(card));
      const der = await readUserAuthCertificate(connection);
      expect(der.length).toBe(length);
      expect(toHex(der)).toBe(toHex(file));
      expect(count.apdus).toBe(2 + Math.ceil(length / 256));
    },
  );
});

describe("readUserAuthCaCertificate", () => {
  it("returns the CA certificate (000B) byte for byte", async () => {
    const { connection, count } = countExchanges(connectInProcess(openCard()));
    const der = await readUserAuthCaCertificate(connection);
    expect(toHex(der)).toBe(toHex(ca.certificate));
    expect(count.apdus).toBe(2 + Math.ceil(ca.certificate.length / 256));
  });
});

describe("readJpkiTokenInfo", () => {
  it('reads the token label "JPKIAPICCTOKEN2" without its space padding', async () => {
    expect(await readJpkiTokenInfo(connectInProcess(openCard()))).toBe("JPKIAPICCTOKEN2");
  });
});

describe("readPinStatus", () => {
  it("reports the tries left and does not spend one, however often it asks", async () => {
    const card = openCard({ pinTriesLeft: 2 });
    const connection = connectInProcess(card);
    for (let i = 0; i < 3; i++) {
      expect(await readPinStatus(connection)).toEqual({ state: "tries_left", triesLeft: 2 });
    }
    expect(card.pinTriesLeft).toBe(2);
  });

  it("reports a blocked virtual card as blocked", async () => {
    expect(await readPinStatus(connectInProcess(openCard({ pinTriesLeft: 0 })))).toEqual({
      state: "blocked",
    });
  });

  it.each([
    ["63 C3", { state: "tries_left", triesLeft: 3 }],
    ["63 C1", { state: "tries_left", triesLeft: 1 }],
    ["63 CF", { state: "tries_left", triesLeft: 15 }],
    ["63 C0", { state: "blocked" }],
    ["69 84", { state: "blocked" }],
    ["69 83", { state: "blocked" }],
    ["90 00", { state: "verified" }],
  ])("reads an empty-VERIFY answer of %s as %o", async (sw, expected) => {
    const { connection, commands } = scriptedPinCard({ empty: sw });
    expect(await readPinStatus(connection)).toEqual(expected);
    expect(pinVerifications(commands)).toBe(0);
  });

  it.each(["6A 82", "69 82", "63 00", "6F 00"])(
    "rejects an empty-VERIFY answer of %s as a CardStatusError",
    async (sw) => {
      const { connection } = scriptedPinCard({ empty: sw });
      await expect(readPinStatus(connection)).rejects.toBeInstanceOf(CardStatusError);
    },
  );
});

describe("verifyPinGuarded", () => {
  it("accepts the right PIN with one VERIFY carrying digits, in 4 APDUs", async () => {
    const card = openCard();
    const { connection, commands, count } = recordingConnection(card);
    await verifyPinGuarded(connection, PIN);
    expect(count.apdus).toBe(4);
    expect(pinVerifications(commands)).toBe(1);
    expect(toHex(commands[3] ?? new Uint8Array(0))).toBe("00 20 00 80 04 31 32 33 34");
    expect(card.pinTriesLeft).toBe(3);
  });

  it("refuses a wrong PIN as wrong_pin with the tries left, sending the digits exactly once", async () => {
    const card = openCard();
    const { connection, commands } = recordingConnection(card);
    const error = await refusal(verifyPinGuarded(connection, "9999"));
    expect(error.reason).toBe("wrong_pin");
    expect(error.triesLeft).toBe(2);
    expect(pinVerifications(commands)).toBe(1);
    expect(card.pinTriesLeft).toBe(2);
  });

  it("never retries: each call with a wrong PIN sends its digits once and spends one try", async () => {
    const card = openCard();
    const { connection, commands } = recordingConnection(card);
    expect((await refusal(verifyPinGuarded(connection, "0000"))).triesLeft).toBe(2);
    expect(pinVerifications(commands)).toBe(1);
    expect((await refusal(verifyPinGuarded(connection, "0001"))).triesLeft).toBe(1);
    expect(pinVerifications(commands)).toBe(2);
    expect(card.pinTriesLeft).toBe(1);
  });

  it("stops at the guard with one try left and sends no digits, even for the right PIN", async () => {
    const card = openCard({ pinTriesLeft: 1 });
    const { connection, commands } = recordingConnection(card);
    const error = await refusal(verifyPinGuarded(connection, PIN));
    expect(error.reason).toBe("pin_guard");
    expect(error.triesLeft).toBe(1);
    expect(pinVerifications(commands)).toBe(0);
    expect(card.pinTriesLeft).toBe(1);
  });

  it("refuses a blocked card as pin_blocked and sends no digits", async () => {
    const card = openCard({ pinTriesLeft: 0 });
    const { connection, commands } = recordingConnection(card);
    const error = await refusal(verifyPinGuarded(connection, PIN));
    expect(error.reason).toBe("pin_blocked");
    expect(error.triesLeft).toBe(0);
    expect(pinVerifications(commands)).toBe(0);
  });

  it.each(["63 C0", "69 84", "69 83"])(
    "reports pin_blocked when the card answers the digits with %s, without sending them again",
    async (sw) => {
      const { connection, commands } = scriptedPinCard({ empty: "63 C3", withPin: sw });
      const error = await refusal(verifyPinGuarded(connection, "5678"));
      expect(error.reason).toBe("pin_blocked");
      expect(error.triesLeft).toBe(0);
      expect(pinVerifications(commands)).toBe(1);
    },
  );

  it.each(["12", "abcd", "12345", "", " 123", "12a4", "１２３４", "1234\n"])(
    "refuses the PIN %j as pin_format without sending any APDU",
    async (pin) => {
      const { connection, count } = recordingConnection(openCard());
      const error = await refusal(verifyPinGuarded(connection, pin));
      expect(error.reason).toBe("pin_format");
      expect(error.triesLeft).toBeNull();
      expect(count.apdus).toBe(0);
    },
  );
});

describe("signWithUserAuthKey", () => {
  it("fails before VERIFY with CardStatusError security_not_satisfied", async () => {
    const connection = connectInProcess(openCard());
    await selectJpkiApplication(connection);
    const failure = signWithUserAuthKey(connection, digestInfo("sha256", randomBytes(32)));
    await expect(failure).rejects.toBeInstanceOf(CardStatusError);
    await expect(failure).rejects.toMatchObject({ kind: "security_not_satisfied", sw: 0x6982 });
  });

  it("after the right PIN, returns a 256-byte signature that verifies with the certificate's key", async () => {
    const connection = connectInProcess(openCard());
    await verifyPinGuarded(connection, PIN);
    const challenge = randomBytes(32);
    const signature = await signWithUserAuthKey(connection, digestInfo("sha256", challenge));
    expect(signature.length).toBe(256);
    expect(verify("sha256", challenge, parsed.publicKey, signature)).toBe(true);
  });
});

describe("a card removed mid-read", () => {
  function removedAfter(card: ApduResponder, apdus: number): CardConnection {
    const inner = connectInProcess(card);
    let sent = 0;
    return {
      readerName: inner.readerName,
      atr: inner.atr,
      disconnect: () => inner.disconnect(),
      transmit(command) {
        sent += 1;
        if (sent > apdus) inner.remove();
        return inner.transmit(command);
      },
    };
  }

  it("fails the certificate read with CardRemovedError after the first block", async () => {
    await expect(readUserAuthCertificate(removedAfter(openCard(), 3))).rejects.toBeInstanceOf(
      CardRemovedError,
    );
  });

  it("fails the tap with CardRemovedError between the selections", async () => {
    await expect(identifyJpkiCard(removedAfter(openCard(), 1))).rejects.toBeInstanceOf(CardRemovedError);
  });

  it("fails the PIN step with CardRemovedError and spends no try", async () => {
    const card = openCard();
    await expect(verifyPinGuarded(removedAfter(card, 3), "9999")).rejects.toBeInstanceOf(CardRemovedError);
    expect(card.pinTriesLeft).toBe(3);
  });
});

describe("the 券面事項入力補助AP (個人番号) is never selected", () => {
  it("no command of any client function carries its AID, and the card records no forbidden selection", async () => {
    const card = openCard();
    const { connection, commands } = recordingConnection(card);
    await identifyJpkiCard(connection);
    await readUserAuthCertificate(connection);
    await readUserAuthCaCertificate(connection);
    await readJpkiTokenInfo(connection);
    await readPinStatus(connection);
    await refusal(verifyPinGuarded(connection, "9999"));
    await refusal(verifyPinGuarded(connection, "12"));
    await verifyPinGuarded(connection, PIN);
    await signWithUserAuthKey(connection, digestInfo("sha256", randomBytes(32)));

    expect(commands.length).toBeGreaterThan(20);
    expect(commands.filter((command) => containsBytes(command, CARD_INFO_INPUT_AID))).toEqual([]);
    // Every SELECT by name names the JPKI application and nothing else.
    const selectsByName = commands.filter((command) => startsWith(command, fromHex("00 A4 04")));
    expect(selectsByName.length).toBeGreaterThan(0);
    for (const command of selectsByName) expect(toHex(command.subarray(5))).toBe(toHex(JPKI_AID));
    expect(card.forbiddenSelections).toEqual([]);
  });
});
