import { X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  type ApduResponder,
  connectInProcess,
  createStaffCardId,
  createTestJpkiCa,
  personaliseStaffCard,
  readStaffCardIdentity,
  readTapSummary,
  selectJpkiApplication,
  selectStaffCard,
} from "@tobira/card";
import {
  type CardFile,
  createJpkiCard,
  createVirtualCard,
  loadCard,
  openVirtualCard,
  saveCard,
} from "@tobira/card/virtual";
import { jpkiCredentialKey, staffCardCredentialKey, uidCredentialKey } from "@tobira/core";

/** Who in the demo town a card belongs to; the server picks the person when it binds the card. */
export type DemoHolder =
  | "serverAdmin"
  | "serverAdminGuarded"
  | "archiveUser"
  | "archiveStaffCard"
  | "staff"
  | null;

/** A demo card and what the server needs to bind it to a person (never a 個人番号). */
export interface DemoCard {
  name: string;
  label: string;
  kind: "jpki" | "staffCard" | "uid";
  holder: DemoHolder;
  /** The PIN printed on the demo card's sleeve, for a newcomer trying card + PIN. */
  pin: string | null;
  credentialKey: string;
  /** SubjectPublicKeyInfo DER, base64, for cards that prove themselves. */
  publicKey: string | null;
  validFrom: string | null;
  validTo: string | null;
  jpkiIssuer: string | null;
  jpkiSerial: string | null;
  file: string;
}

interface DemoCardPlan {
  name: string;
  label: string;
  holder: DemoHolder;
  /** PIN tries a My Number Card starts every demo run with. */
  pinTriesLeft?: number;
  create: (now: Date, ca: () => ReturnType<typeof createTestJpkiCa>) => Promise<CardFile>;
}

const demoPin = "1234";

function jpkiPlan(name: string, label: string, holder: DemoHolder, triesLeft = 3): DemoCardPlan {
  return {
    name,
    label,
    holder,
    pinTriesLeft: triesLeft,
    create: async (now, ca) => ({
      ...createJpkiCard({ pin: demoPin, ca: ca(), now, label }),
      pinTriesLeft: triesLeft,
    }),
  };
}

function uidPlan(name: string, label: string, holder: DemoHolder, uid: string): DemoCardPlan {
  return { name, label, holder, create: async () => ({ kind: "uid", label, uid, technology: "felica" }) };
}

/** A staff card as the enrolment desk makes one: a blank card personalised through its own commands. */
async function createPersonalisedStaffCard(label: string): Promise<CardFile> {
  let latest: CardFile = { kind: "staff-card", label, personalised: false };
  const blank = createVirtualCard(latest, {
    onChange: (card) => {
      latest = { ...card, label };
    },
  });
  await personaliseStaffCard(connectInProcess(blank), { cardId: createStaffCardId() });
  return latest;
}

/** The demo town's cards: one for each thing a newcomer should see a door do. */
const demoCardPlans: readonly DemoCardPlan[] = [
  jpkiPlan("mynumber-server", "マイナンバーカード（情報政策係）/ My Number Card, IT section", "serverAdmin"),
  jpkiPlan(
    "mynumber-last-try",
    "マイナンバーカード（残り1回）/ My Number Card with one PIN try left",
    "serverAdminGuarded",
    1,
  ),
  jpkiPlan(
    "mynumber-archive",
    "マイナンバーカード（総務課）/ My Number Card, general affairs",
    "archiveUser",
  ),
  {
    name: "staff-card-archive",
    label: "職員カード（総務課）/ Staff card, general affairs",
    holder: "archiveStaffCard",
    create: async () => createPersonalisedStaffCard("職員カード（総務課）/ Staff card, general affairs"),
  },
  jpkiPlan(
    "mynumber-new",
    "マイナンバーカード（未登録：登録端末で登録）/ My Number Card, not yet enrolled",
    null,
  ),
  uidPlan("felica-staff", "交通系ICカード（一般職員）/ FeliCa card, staff", "staff", "0114a1b2c3d4e5f6"),
  uidPlan("felica-unknown", "未登録のICカード / Unregistered card", null, "0114ffeeddccbbaa"),
];

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

async function describeCard(plan: DemoCardPlan, file: string, card: CardFile): Promise<DemoCard> {
  const base = { name: plan.name, label: plan.label, holder: plan.holder, file };
  if (card.kind === "uid") {
    return {
      ...base,
      kind: "uid",
      pin: null,
      credentialKey: uidCredentialKey(card.uid),
      publicKey: null,
      validFrom: null,
      validTo: null,
      jpkiIssuer: null,
      jpkiSerial: null,
    };
  }
  const connection = connectInProcess(await openVirtualCard(file));
  if (card.kind === "staff-card") {
    await selectStaffCard(connection);
    const identity = await readStaffCardIdentity(connection);
    return {
      ...base,
      kind: "staffCard",
      pin: null,
      credentialKey: staffCardCredentialKey(identity.cardId),
      publicKey: base64(identity.publicKey),
      validFrom: null,
      validTo: null,
      jpkiIssuer: null,
      jpkiSerial: null,
    };
  }
  await selectJpkiApplication(connection);
  const summary = await readTapSummary(connection);
  const certificate = new X509Certificate(Buffer.from(card.userAuthCertificate, "base64"));
  const publicKey = certificate.publicKey.export({ type: "spki", format: "der" });
  return {
    ...base,
    kind: "jpki",
    pin: demoPin,
    credentialKey: jpkiCredentialKey(summary.issuer.text, summary.serialNumber),
    publicKey: publicKey.toString("base64"),
    validFrom: summary.notBefore,
    validTo: summary.notAfter,
    jpkiIssuer: summary.issuer.text,
    jpkiSerial: summary.serialNumber,
  };
}

/** The PEM file of the demo's test CA certificates, which the demo server trusts for station enrolment. */
export function demoTrustAnchorFile(dir: string): string {
  return join(dir, "demo-jpki-ca.pem");
}

function toPem(der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString("base64")
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

/**
 * The demo's virtual cards as card files under `dir`, made on the first start and reused after, so
 * a PIN try spent in one run is still spent in the next, as on a real card.
 */
export async function prepareDemoCards(dir: string, now: Date): Promise<DemoCard[]> {
  await mkdir(dir, { recursive: true });
  let ca: ReturnType<typeof createTestJpkiCa> | undefined;
  const testCa = () => {
    ca ??= createTestJpkiCa({ now });
    return ca;
  };
  const cards: DemoCard[] = [];
  for (const plan of demoCardPlans) {
    const file = join(dir, `${plan.name}.json`);
    if (!existsSync(file)) await saveCard(file, await plan.create(now, testCa));
    const card = await loadCard(file);
    // A newcomer who spent the PIN tries gets them back at the next start, as after a counter visit.
    if (card.kind === "jpki" && plan.pinTriesLeft !== undefined && card.pinTriesLeft !== plan.pinTriesLeft)
      await saveCard(file, { ...card, pinTriesLeft: plan.pinTriesLeft });
    cards.push(await describeCard(plan, file, await loadCard(file)));
  }
  // Appended, so cards from every run's CA stay verifiable.
  if (ca !== undefined) await appendFile(demoTrustAnchorFile(dir), toPem(ca.certificate));
  return cards;
}

/** A demo card ready to be put on a reader; its file follows every change the card makes. */
export async function openDemoCard(card: DemoCard): Promise<ApduResponder> {
  return openVirtualCard(card.file);
}
