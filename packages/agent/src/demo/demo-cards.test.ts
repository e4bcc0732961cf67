import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  connectInProcess,
  identifyCard,
  loadTrustAnchors,
  PinRefusedError,
  readPinStatus,
  selectJpkiApplication,
  validateCertificate,
  verifyPinGuarded,
} from "@tobira/card";
import { loadCard } from "@tobira/card/virtual";
import { afterAll, describe, expect, it } from "vitest";
import { demoTrustAnchorFile, openDemoCard, prepareDemoCards } from "./demo-cards";

describe("the demo town's virtual cards", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("makes one card per kind of outcome, each named as a reader names it, and reuses them on the next start", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tobira-demo-cards-"));
    dirs.push(dir);
    const now = new Date("2026-11-27T00:00:00Z");
    const first = await prepareDemoCards(dir, now);
    expect(first.map((card) => card.kind)).toEqual([
      "jpki",
      "jpki",
      "jpki",
      "staffCard",
      "jpki",
      "uid",
      "uid",
    ]);
    expect(new Set(first.map((card) => card.credentialKey)).size).toBe(first.length);
    const again = await prepareDemoCards(dir, now);
    expect(again.map((card) => card.credentialKey)).toEqual(first.map((card) => card.credentialKey));

    for (const card of first) {
      const identity = await identifyCard(connectInProcess(await openDemoCard(card)));
      const key =
        identity?.kind === "jpki"
          ? `jpki:${identity.issuer}#${identity.serialNumber}`
          : identity?.kind === "staffCard"
            ? `staffCard:${identity.cardId}`
            : `uid:${identity?.uid}`;
      expect(key).toBe(card.credentialKey);
    }
  });

  it("gives the PIN-guard card a single try left, kept in its file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tobira-demo-cards-"));
    dirs.push(dir);
    const cards = await prepareDemoCards(dir, new Date("2026-11-27T00:00:00Z"));
    const guarded = cards.find((card) => card.holder === "serverAdminGuarded");
    if (!guarded) throw new Error("no guarded card");
    const connection = connectInProcess(await openDemoCard(guarded));
    await selectJpkiApplication(connection);
    expect(await readPinStatus(connection)).toMatchObject({ triesLeft: 1 });
  });

  it("gives a card its PIN tries back at the next start, so a newcomer's wrong PINs do not spoil the demo", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tobira-demo-cards-"));
    dirs.push(dir);
    const now = new Date("2026-11-27T00:00:00Z");
    const [card] = await prepareDemoCards(dir, now);
    if (!card) throw new Error("no card");
    const connection = connectInProcess(await openDemoCard(card));
    await selectJpkiApplication(connection);
    await expect(verifyPinGuarded(connection, "9999")).rejects.toThrow(PinRefusedError);
    expect(await readPinStatus(connection)).toMatchObject({ triesLeft: 2 });

    const [again] = await prepareDemoCards(dir, now);
    if (!again) throw new Error("no card");
    const reopened = connectInProcess(await openDemoCard(again));
    await selectJpkiApplication(reopened);
    expect(await readPinStatus(reopened)).toMatchObject({ triesLeft: 3 });
  });

  it("keeps the test CA in a PEM file that validates the not-yet-enrolled card, for the demo's enrolment station", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tobira-demo-cards-"));
    dirs.push(dir);
    const now = new Date("2026-11-27T00:00:00Z");
    const cards = await prepareDemoCards(dir, now);
    const unenrolled = cards.find((card) => card.name === "mynumber-new");
    if (!unenrolled) throw new Error("no card to enrol");
    expect(unenrolled.holder).toBeNull();
    const anchors = loadTrustAnchors(new Uint8Array(await readFile(demoTrustAnchorFile(dir))));
    const file = await loadCard(unenrolled.file);
    if (file.kind !== "jpki") throw new Error("not a My Number Card");
    const result = validateCertificate(new Uint8Array(Buffer.from(file.userAuthCertificate, "base64")), {
      anchors,
      at: now,
    });
    expect(result.ok).toBe(true);
  });
});
