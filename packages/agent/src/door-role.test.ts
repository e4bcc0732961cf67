import { type ApduResponder, createTestJpkiCa, type TestJpkiCa } from "@tobira/card";
import type { Credential } from "@tobira/core";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type DoorRole, startDoorRole } from "./door-role";
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
  testPin,
} from "./tap/role-test-kit.fixture";

const NOW = "2026-10-05T01:00:00.000Z";

let ca: TestJpkiCa;
let alice: TestMyNumberCard;
let stranger: TestMyNumberCard;
let staffCard: TestStaffCard;
let otherStaffCard: TestStaffCard;

beforeAll(async () => {
  ca = createTestJpkiCa({ now: new Date("2026-04-01T00:00:00Z") });
  alice = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"));
  stranger = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"));
  staffCard = await createStaffCard();
  otherStaffCard = await createStaffCard();
});

function listCredentials(): Credential[] {
  return [
    describeCredential(alice.credentialKey, "staff:1", "jpki", alice.publicKey),
    describeCredential(staffCard.credentialKey, "staff:2", "staffCard", staffCard.publicKey),
  ];
}

const open: { role: DoorRole; kit: RoleKit }[] = [];

/**
 * A door agent whose reader already holds `card` (so only handleTap reads it); `credentials` null
 * starts it before any snapshot.
 */
function startDoor(
  doorId: number,
  options: { card?: ApduResponder; credentials?: Credential[] | null } = {},
): { role: DoorRole; kit: RoleKit } {
  const credentials = options.credentials === undefined ? listCredentials() : options.credentials;
  const snapshot = credentials === null ? null : buildTestSnapshot(credentials);
  const kit = createRoleKit({ role: "door", snapshot, doorId, now: NOW });
  if (options.card !== undefined) kit.readers.insert(readerName, options.card);
  const role = startDoorRole(kit.deps);
  open.push({ role, kit });
  return { role, kit };
}

/** `card` as the only credential, held by staff:3. */
function enrol(card: TestMyNumberCard): Credential[] {
  return [describeCredential(card.credentialKey, "staff:3", "jpki", card.publicKey)];
}

afterEach(async () => {
  vi.useRealTimers();
  for (const { role, kit } of open.splice(0)) {
    await role.close();
    kit.deps.outbox.close();
  }
});

/** Keeps every command APDU the card receives. */
function recordCommands(card: ApduResponder): { card: ApduResponder; commands: Uint8Array[] } {
  const commands: Uint8Array[] = [];
  return {
    commands,
    card: {
      atr: card.atr,
      reset: () => card.reset?.(),
      respond(command) {
        commands.push(command.slice());
        return card.respond(command);
      },
    },
  };
}

function isVerifyWithPin(command: Uint8Array): boolean {
  // VERIFY (00 20 00 80) with Lc: a PIN on its way to the card, as opposed to the empty try-counter query.
  return command[1] === 0x20 && command.length > 5;
}

describe("startDoorRole at a tap door", () => {
  it("grants a known My Number Card, records one decision before the lock moves, and relocks after the door's 7 s", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { role, kit } = startDoor(10, { card: alice.card });
    const pendingAtRelease: number[] = [];
    const release = kit.door.setLockReleased;
    kit.door.setLockReleased = async (released) => {
      if (released) pendingAtRelease.push(kit.deps.outbox.length());
      await release(released);
    };

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: true, reason: "granted", holderId: "staff:1" });
    expect(outcome.credentialKey).toBe(alice.credentialKey);
    expect(pendingAtRelease).toEqual([1]);
    const events = kit.deps.outbox.pending(10);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventId: outcome.eventId,
      kind: "decision",
      granted: true,
      reason: "granted",
      holderId: "staff:1",
      credentialKey: alice.credentialKey,
      assurance: "tap",
      occurredAt: NOW,
    });
    expect(kit.link.flushes).toBeGreaterThan(0);
    expect(kit.door.isLockReleased()).toBe(true);
    expect(kit.door.lastSignal()?.feedback).toBe("granted");
    await vi.advanceTimersByTimeAsync(6900);
    expect(kit.door.isLockReleased()).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(kit.door.isLockReleased()).toBe(false);
  });

  it("denies a card the snapshot does not know with unknown_card and leaves the door locked", async () => {
    const { role, kit } = startDoor(10, { card: stranger.card });

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: false, reason: "unknown_card", holderId: null });
    expect(kit.door.isLockReleased()).toBe(false);
    expect(kit.door.lastSignal()).toEqual({
      feedback: "denied",
      message: expect.stringContaining("Unknown card"),
    });
    expect(kit.deps.outbox.pending(10)).toEqual([
      expect.objectContaining({
        kind: "decision",
        granted: false,
        reason: "unknown_card",
        credentialKey: stranger.credentialKey,
      }),
    ]);
  });

  it("refuses with unknown_door and 'no policy yet' before the first snapshot arrives", async () => {
    const { role, kit } = startDoor(10, { card: alice.card, credentials: null });

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: false, reason: "unknown_door" });
    expect(outcome.message).toContain("no policy yet");
    expect(kit.door.isLockReleased()).toBe(false);
  });

  it("records card_unreadable when the reader holds no card", async () => {
    const { role, kit } = startDoor(10);

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: false, reason: "card_unreadable", credentialKey: null });
    expect(kit.deps.outbox.pending(10)).toHaveLength(1);
  });

  it("handles a card put on its reader without being asked, once", async () => {
    const { kit } = startDoor(10);
    kit.readers.insert(readerName, alice.card);

    await vi.waitFor(() => expect(kit.door.isLockReleased()).toBe(true));
    expect(kit.deps.outbox.pending(10)).toEqual([
      expect.objectContaining({ granted: true, reason: "granted" }),
    ]);
  });
});

describe("startDoorRole at a card + PIN door", () => {
  it("grants with assurance cardPin after the right PIN", async () => {
    const card = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"));
    const { role, kit } = startDoor(11, { card: card.card, credentials: enrol(card) });
    kit.pinPad.supply(testPin);

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: true, reason: "granted", holderId: "staff:3" });
    expect(kit.pinPad.prompts).toEqual(["暗証番号（4桁）を入力してください / Enter your 4-digit PIN"]);
    expect(kit.deps.outbox.pending(10)).toEqual([
      expect.objectContaining({ granted: true, assurance: "cardPin", credentialKey: card.credentialKey }),
    ]);
    expect(kit.door.isLockReleased()).toBe(true);
    expect(card.card.pinTriesLeft).toBe(3);
  });

  it("refuses a wrong PIN with pin_wrong, spending exactly one try and never retrying", async () => {
    const card = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"));
    const { role, kit } = startDoor(11, { card: card.card, credentials: enrol(card) });
    kit.pinPad.supply("0000");
    kit.pinPad.supply(testPin);

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: false, reason: "pin_wrong", holderId: "staff:3" });
    expect(card.card.pinTriesLeft).toBe(2);
    expect(kit.pinPad.prompts).toHaveLength(1);
    expect(kit.door.isLockReleased()).toBe(false);
    expect(kit.deps.outbox.pending(10)).toEqual([
      expect.objectContaining({ granted: false, reason: "pin_wrong" }),
    ]);
  });

  it("stops at the PIN guard for a card with one try left: no PIN asked, no VERIFY with a PIN sent", async () => {
    const card = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"), 1);
    const recorded = recordCommands(card.card);
    const { role, kit } = startDoor(11, { card: recorded.card, credentials: enrol(card) });
    kit.pinPad.supply(testPin);

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: false, reason: "pin_guard" });
    expect(kit.pinPad.prompts).toEqual([]);
    expect(recorded.commands.some((command) => command[1] === 0x20)).toBe(true);
    expect(recorded.commands.filter(isVerifyWithPin)).toEqual([]);
    expect(card.card.pinTriesLeft).toBe(1);
  });

  it("refuses with pin_cancelled when no PIN is entered, spending no try", async () => {
    const card = createMyNumberCard(ca, new Date("2026-04-01T00:00:00Z"));
    const { role } = startDoor(11, { card: card.card, credentials: enrol(card) });

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: false, reason: "pin_cancelled" });
    expect(card.card.pinTriesLeft).toBe(3);
  });
});

describe("startDoorRole at a tap + proof door", () => {
  it("grants an enrolled staff card that proves itself, with assurance tapProof", async () => {
    const { role, kit } = startDoor(12, { card: staffCard.card });

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: true, reason: "granted", holderId: "staff:2" });
    expect(kit.deps.outbox.pending(10)).toEqual([expect.objectContaining({ assurance: "tapProof" })]);
  });

  it("refuses with proof_failed a staff card whose key is not the one enrolled for its ID", async () => {
    // The snapshot holds staffCard's key for otherStaffCard's ID: as if the ID were copied onto another card.
    const credentials = [
      describeCredential(otherStaffCard.credentialKey, "staff:2", "staffCard", staffCard.publicKey),
    ];
    const { role, kit } = startDoor(12, { card: otherStaffCard.card, credentials });

    const outcome = await role.handleTap();

    expect(outcome).toMatchObject({ granted: false, reason: "proof_failed", holderId: "staff:2" });
    expect(kit.door.isLockReleased()).toBe(false);
  });

  it("refuses a staff card shown only by tap where tap + proof is needed, when no key was enrolled", async () => {
    const credentials = [describeCredential(staffCard.credentialKey, "staff:2", "staffCard", null)];
    const { role } = startDoor(12, { card: staffCard.card, credentials });

    expect(await role.handleTap()).toMatchObject({ granted: false, reason: "assurance_too_low" });
  });
});

describe("startDoorRole commands and door events", () => {
  it("runs a momentary unlock for the seconds asked, and the door's own time when none are given", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { kit } = startDoor(10);

    const result = await kit.link.runCommand({ commandId: "c1", command: "momentary_unlock", seconds: 3 });

    expect(result).toEqual({ ok: true, message: "unlocked for 3 s" });
    expect(kit.door.isLockReleased()).toBe(true);
    await vi.advanceTimersByTimeAsync(3100);
    expect(kit.door.isLockReleased()).toBe(false);
    expect(
      await kit.link.runCommand({ commandId: "c2", command: "momentary_unlock", seconds: null }),
    ).toEqual({
      ok: true,
      message: "unlocked for 7 s",
    });
  });

  it("keeps the door shut for a granted card in lockdown, refuses unlock commands, and opens again once released", async () => {
    const { role, kit } = startDoor(10, { card: alice.card });

    expect(await kit.link.runCommand({ commandId: "c1", command: "lockdown", seconds: null })).toMatchObject({
      ok: true,
    });
    expect(role.controller.state().lockdown).toBe(true);
    expect(
      await kit.link.runCommand({ commandId: "c2", command: "momentary_unlock", seconds: 3 }),
    ).toMatchObject({
      ok: false,
    });
    expect(await role.handleTap()).toMatchObject({ granted: false, reason: "lockdown" });
    expect(kit.door.isLockReleased()).toBe(false);

    expect(
      await kit.link.runCommand({ commandId: "c3", command: "release_lockdown", seconds: null }),
    ).toMatchObject({ ok: true });
    expect(await role.handleTap()).toMatchObject({ granted: true });
    expect(kit.door.isLockReleased()).toBe(true);
  });

  it("reports the door state to the server on start and on every change", async () => {
    const { kit } = startDoor(10);
    await kit.link.runCommand({ commandId: "c1", command: "lockdown", seconds: null });

    const states = kit.link.sent.flatMap((message) => (message.type === "door_state" ? [message.state] : []));
    expect(states[0]).toMatchObject({ lock: "locked", lockdown: false });
    expect(states.at(-1)).toMatchObject({ lock: "locked", lockdown: true });
  });

  it("records the exit button and a forced door in the outbox", async () => {
    const { kit } = startDoor(10);
    kit.door.openDoor();
    kit.door.closeDoor();
    kit.door.pressExitButton();

    expect(kit.deps.outbox.pending(10).map((event) => event.kind)).toEqual(["door_forced", "exit_button"]);
  });
});
