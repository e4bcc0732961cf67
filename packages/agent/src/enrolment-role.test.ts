import { randomBytes } from "node:crypto";
import {
  algorithmForKey,
  buildStaffCardAuthMessage,
  createTestJpkiCa,
  decodeStaffCardId,
  parseCertificate,
  type TestJpkiCa,
  validateCertificate,
  verifySignature,
} from "@tobira/card";
import { type AgentMessage, agentMessageSchema } from "@tobira/protocol";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEnrolmentRole } from "./enrolment-role";
import type { RoleHandle } from "./role";
import {
  createMyNumberCard,
  createRoleKit,
  createStaffCard,
  type RoleKit,
  readerName,
  type TestMyNumberCard,
  type TestStaffCard,
  testPin,
} from "./tap/role-test-kit.fixture";

const NOW = "2026-10-05T01:00:00.000Z";

let ca: TestJpkiCa;
let staffCard: TestStaffCard;

beforeAll(async () => {
  ca = createTestJpkiCa({ now: new Date("2026-04-01T00:00:00Z") });
  staffCard = await createStaffCard();
});

const open: { role: RoleHandle; kit: RoleKit }[] = [];

function startStation() {
  const kit = createRoleKit({ role: "enrolment", snapshot: null, doorId: null, now: NOW });
  const role = startEnrolmentRole(kit.deps);
  open.push({ role, kit });
  return { role, kit };
}

afterEach(async () => {
  for (const { role, kit } of open.splice(0)) {
    await role.close();
    kit.deps.outbox.close();
  }
});

function requestEnrolment(kit: RoleKit, kind: "jpki" | "staffCard", expiresAt = "2026-10-05T01:05:00.000Z") {
  const challenge = new Uint8Array(randomBytes(32));
  kit.link.deliver({
    type: "enrolment_request",
    enrolmentId: "0b5cc0a4-5d0e-4f7e-9a51-3b1f4f0f2c11",
    kind,
    staffName: "山田 花子",
    challengeId: 41,
    challenge: Buffer.from(challenge).toString("base64"),
    expiresAt,
  });
  return challenge;
}

async function waitForResult(kit: RoleKit): Promise<Extract<AgentMessage, { type: "enrolment_result" }>> {
  return vi.waitFor(() => {
    const message = kit.link.sent.find((sent) => sent.type === "enrolment_result");
    if (message?.type !== "enrolment_result") throw new Error("no enrolment result yet");
    return message;
  });
}

function decodeBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}

describe("startEnrolmentRole", () => {
  it("asks for the staff member's card and sends a My Number Card's certificate and PIN-unlocked signature that verify", async () => {
    const { kit } = startStation();
    const card: TestMyNumberCard = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"));
    const challenge = requestEnrolment(kit, "jpki");
    expect(kit.kiosk.views.at(-1)).toEqual({
      kind: "enrolment",
      text: "山田 花子 さんのカードを置いてください / Place 山田 花子's card on the reader",
    });
    kit.pinPad.supply(testPin);
    kit.readers.insert(readerName, card.card);

    const message = await waitForResult(kit);

    expect(agentMessageSchema.parse(message)).toEqual(message);
    expect(message.result.ok).toBe(true);
    if (!message.result.ok || message.result.card.kind !== "jpki") throw new Error("expected a JPKI result");
    const sent = message.result.card;
    expect(sent).toMatchObject({ challengeId: 41, challenge: Buffer.from(challenge).toString("base64") });
    // What the server checks: the certificate chains to the trust anchor, and its key verifies the signature.
    const certificate = decodeBase64(sent.certificate);
    expect(certificate).toEqual(card.certificate);
    expect(validateCertificate(certificate, { anchors: [ca.certificate], at: new Date(NOW) }).ok).toBe(true);
    const publicKey = parseCertificate(certificate).subjectPublicKeyInfo;
    const signature = decodeBase64(sent.signature);
    expect(
      verifySignature({ publicKey, algorithm: algorithmForKey(publicKey), data: challenge, signature }),
    ).toBe(true);
    expect(card.card.pinTriesLeft).toBe(3);
    expect(kit.kiosk.views.at(-1)).toMatchObject({
      kind: "enrolment",
      text: expect.stringContaining("確認"),
    });
  });

  it("sends a staff card's ID, public key and signature over the challenge that verify", async () => {
    const { kit } = startStation();
    const challenge = requestEnrolment(kit, "staffCard");
    kit.readers.insert(readerName, staffCard.card);

    const message = await waitForResult(kit);

    expect(agentMessageSchema.parse(message)).toEqual(message);
    if (!message.result.ok || message.result.card.kind !== "staffCard")
      throw new Error("expected a staff-card result");
    const sent = message.result.card;
    expect(sent).toMatchObject({ cardId: staffCard.cardId, publicKey: staffCard.publicKey, challengeId: 41 });
    const valid = verifySignature({
      publicKey: decodeBase64(sent.publicKey),
      algorithm: "ecdsa-p256-sha256",
      data: buildStaffCardAuthMessage(decodeStaffCardId(sent.cardId), challenge),
      signature: decodeBase64(sent.signature),
      signatureFormat: "raw",
    });
    expect(valid).toBe(true);
    expect(kit.pinPad.prompts).toEqual([]);
  });

  it("reports a wrong PIN as a failure after spending one try, and never asks again", async () => {
    const { kit } = startStation();
    const card = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"));
    requestEnrolment(kit, "jpki");
    kit.pinPad.supply("0000");
    kit.pinPad.supply(testPin);
    kit.readers.insert(readerName, card.card);

    const message = await waitForResult(kit);

    expect(message.result).toEqual({ ok: false, message: expect.stringContaining("Wrong PIN") });
    expect(card.card.pinTriesLeft).toBe(2);
    expect(kit.pinPad.prompts).toHaveLength(1);
  });

  it("refuses to ask for the PIN of a card with one try left", async () => {
    const { kit } = startStation();
    const card = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"), 1);
    requestEnrolment(kit, "jpki");
    kit.readers.insert(readerName, card.card);

    const message = await waitForResult(kit);

    expect(message.result).toEqual({ ok: false, message: expect.stringContaining("One PIN try left") });
    expect(kit.pinPad.prompts).toEqual([]);
    expect(card.card.pinTriesLeft).toBe(1);
  });

  it("fails when a card of another kind than the one asked for is shown", async () => {
    const { kit } = startStation();
    requestEnrolment(kit, "jpki");
    kit.readers.insert(readerName, staffCard.card);

    expect((await waitForResult(kit)).result).toEqual({
      ok: false,
      message: "マイナンバーカードを置いてください / This is not a My Number Card",
    });
  });

  it("fails when no card is shown before the request expires", async () => {
    const { kit } = startStation();
    requestEnrolment(kit, "jpki", "2026-10-05T01:00:00.050Z");

    expect((await waitForResult(kit)).result).toEqual({
      ok: false,
      message: expect.stringContaining("in time"),
    });
  });

  it("shows the server's verdict when the enrolment finishes", () => {
    const { kit } = startStation();

    kit.link.deliver({
      type: "enrolment_finished",
      enrolmentId: "e1",
      ok: false,
      message: "certificate expired",
    });

    expect(kit.kiosk.views.at(-1)).toEqual({
      kind: "message",
      tone: "error",
      text: "登録できませんでした / Not enrolled: certificate expired",
    });
  });
});
