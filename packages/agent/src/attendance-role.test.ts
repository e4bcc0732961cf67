import { createTestJpkiCa } from "@tobira/card";
import type { Credential } from "@tobira/core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type AttendanceRole, startAttendanceRole } from "./attendance-role";
import {
  buildTestSnapshot,
  createMyNumberCard,
  createRoleKit,
  createStaffCard,
  describeCredential,
  type RoleKit,
  readerName,
  type TestMyNumberCard,
  type TestStaffCard,
} from "./tap/role-test-kit.fixture";

// 2026-10-05 is a Monday; times below are in Japan (UTC+9).
const MORNING = "2026-10-05T08:25:00+09:00";
const EVENING = "2026-10-05T17:40:00+09:00";

let alice: TestMyNumberCard;
let revoked: TestMyNumberCard;
let stranger: TestMyNumberCard;
let staffCard: TestStaffCard;

beforeAll(async () => {
  const issued = new Date("2026-04-01T00:00:00Z");
  const ca = createTestJpkiCa({ now: issued });
  alice = createMyNumberCard(ca, issued);
  revoked = createMyNumberCard(ca, issued);
  stranger = createMyNumberCard(ca, issued);
  staffCard = await createStaffCard();
});

function listCredentials(): Credential[] {
  return [
    describeCredential(alice.credentialKey, "staff:1", "jpki", alice.publicKey),
    describeCredential(revoked.credentialKey, "staff:4", "jpki", revoked.publicKey, "revoked"),
    describeCredential(staffCard.credentialKey, "staff:2", "staffCard", staffCard.publicKey),
  ];
}

const open: { role: AttendanceRole; kit: RoleKit }[] = [];

/** A terminal whose reader holds `card`, read by handleTap only. */
function startTerminal(now: string, card: TestMyNumberCard | TestStaffCard = alice) {
  const kit = createRoleKit({
    role: "attendance",
    snapshot: buildTestSnapshot(listCredentials()),
    doorId: null,
    now,
  });
  kit.readers.insert(readerName, card.card);
  const role = startAttendanceRole(kit.deps);
  open.push({ role, kit });
  return { role, kit };
}

afterEach(async () => {
  for (const { role, kit } of open.splice(0)) {
    await role.close();
    kit.deps.outbox.close();
  }
});

function listPunches(kit: RoleKit) {
  return kit.deps.outbox.pending(100).filter((event) => event.kind === "punch");
}

describe("startAttendanceRole", () => {
  it("records 出勤 for the first tap of the morning and shows it, switchable for 5 s", async () => {
    const { role, kit } = startTerminal(MORNING);

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ kind: "punched", punch: "in", note: null, holderId: "staff:1" });
    expect(listPunches(kit)).toEqual([
      expect.objectContaining({
        kind: "punch",
        punch: "in",
        credentialKey: alice.credentialKey,
        holderId: "staff:1",
        occurredAt: "2026-10-04T23:25:00.000Z",
      }),
    ]);
    expect(kit.kiosk.views.at(-1)).toEqual({
      kind: "punched",
      name: "職員 1",
      punch: "in",
      at: "2026-10-04T23:25:00.000Z",
      changeableUntil: "2026-10-04T23:25:05.000Z",
      note: null,
    });
  });

  it("shows the idle screen with the terminal's name when it starts", () => {
    const { kit } = startTerminal(MORNING);

    expect(kit.kiosk.views).toEqual([{ kind: "idle", readerName: "出退勤端末", online: true }]);
  });

  it("records 退勤 for the evening tap after a morning 出勤", async () => {
    const { role, kit } = startTerminal(MORNING);
    await role.handleTap();
    kit.time.set(EVENING);

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ kind: "punched", punch: "out", note: null });
    expect(listPunches(kit).map((event) => event.punch)).toEqual(["in", "out"]);
  });

  it("notes a 退勤 with no 出勤 earlier that day", async () => {
    const { role, kit } = startTerminal(EVENING);

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ kind: "punched", punch: "out", note: "no_clock_in" });
    expect(kit.kiosk.views.at(-1)).toMatchObject({
      kind: "punched",
      note: "出勤の記録がありません / no clock-in today",
    });
  });

  it("treats a second tap of the same card within a minute as the same punch and records nothing", async () => {
    const { role, kit } = startTerminal(MORNING);
    const first = await role.handleTap();
    kit.time.advance(40_000);

    const second = await role.handleTap();

    expect(first.kind).toBe("punched");
    expect(second).toMatchObject({ kind: "repeated", punch: "in", at: "2026-10-04T23:25:00.000Z" });
    expect(first.kind === "punched" && second.kind === "repeated" && second.eventId === first.eventId).toBe(
      true,
    );
    expect(listPunches(kit)).toHaveLength(1);
    expect(kit.kiosk.views.at(-1)).toMatchObject({ kind: "punched", punch: "in" });
  });

  it("records a switch made on the screen within 5 s as a new punch replacing the tap, leaving the tap as it was", async () => {
    const { role, kit } = startTerminal(EVENING);
    const tap = await role.handleTap();
    kit.time.advance(3000);

    kit.kiosk.act({ kind: "changePunch", punch: "in" });

    const punches = listPunches(kit);
    expect(punches).toHaveLength(2);
    expect(punches[0]).toMatchObject({ punch: "out", eventId: tap.kind === "punched" ? tap.eventId : "" });
    expect(punches[0]?.replacesEventId).toBeUndefined();
    expect(punches[1]).toMatchObject({
      punch: "in",
      replacesEventId: punches[0]?.eventId,
      occurredAt: punches[0]?.occurredAt,
    });
    expect(kit.kiosk.views.at(-1)).toMatchObject({ kind: "punched", punch: "in" });
  });

  it("refuses a switch after the 5 s and records nothing", async () => {
    const { role, kit } = startTerminal(EVENING);
    await role.handleTap();
    kit.time.advance(5001);

    expect(role.changePunch("in")).toMatchObject({ kind: "refused" });
    expect(listPunches(kit)).toHaveLength(1);
  });

  it.each([
    ["unknown", () => stranger, "Unknown card"],
    ["revoked", () => revoked, "Card revoked"],
  ])("shows an error for an %s card and records nothing", async (_name, card, text) => {
    const { role, kit } = startTerminal(MORNING, card());

    const outcome = await role.handleTap();

    expect(outcome.kind).toBe("refused");
    expect(kit.kiosk.views.at(-1)).toMatchObject({
      kind: "message",
      tone: "error",
      text: expect.stringContaining(text),
    });
    expect(kit.deps.outbox.length()).toBe(0);
  });

  it("punches with a staff card once the card has proven itself", async () => {
    const { role, kit } = startTerminal(MORNING, staffCard);

    expect(await role.handleTap()).toMatchObject({ kind: "punched", punch: "in", holderId: "staff:2" });
    expect(listPunches(kit)).toEqual([expect.objectContaining({ credentialKey: staffCard.credentialKey })]);
  });
});
