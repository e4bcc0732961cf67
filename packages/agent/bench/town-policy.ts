import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AccessSnapshot, AssuranceLevel, Credential } from "@tobira/core";
import type { DemoCard } from "../src/demo/demo-cards";
import { snapshotFileName, writeSnapshotFile } from "../src/snapshot/snapshot-file";
import { writeAssignment } from "../src/sync/assignment-file";
import { createTestServerKey, signSnapshotDto } from "../test/signed-policy";

export const townStaff = 40_000;
const doors = 2_000;
const groups = 200;
/** The door every benchmark tap happens at (the agent's assigned door). */
export const benchDoorId = 1;

/** The demo cards the benchmark taps, each held by one of the town's staff under its own rule. */
export const tappedCards = [
  { name: "felica-staff", label: "UID tap", assurance: "tap" },
  { name: "mynumber-archive", label: "My Number Card tap (certificate)", assurance: "tap" },
  { name: "staff-card-archive", label: "staff card tap + proof (ECDSA)", assurance: "tapProof" },
  { name: "mynumber-server", label: "My Number Card + PIN (RSA signature)", assurance: "cardPin" },
] as const satisfies readonly { name: string; label: string; assurance: AssuranceLevel }[];

/** A deterministic generator, so every run decides over the same town. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function describeDemoCredential(card: DemoCard, holderId: string): Credential {
  return {
    key: card.credentialKey,
    kind: card.kind,
    holderId,
    status: "active",
    validFrom: card.validFrom,
    validTo: card.validTo,
    publicKey: card.publicKey,
  };
}

function describeTownCredential(h: number): Credential {
  return {
    key: `jpki:C=JP, O=JPKI#${(0x10000000 + h).toString(16)}`,
    kind: "jpki",
    holderId: `staff:${h}`,
    status: h % 97 === 0 ? "revoked" : "active",
    validFrom: "2024-01-01T00:00:00.000Z",
    validTo: "2029-01-01T00:00:00.000Z",
    publicKey: null,
  };
}

/**
 * A town-sized policy (40,000 staff with one card each, 2,000 doors, 200 groups × 20 rules, as the core
 * benchmark's) in which the first staff members hold the demo cards, each by a rule at door 1 that asks
 * for that card's level of assurance.
 */
export function buildTownSnapshot(cards: readonly DemoCard[], version: number): AccessSnapshot {
  const random = createRandom(42);
  const office = { start: 8 * 60 + 30, end: 17 * 60 + 15 };
  const assurances: AssuranceLevel[] = ["tap", "tapProof", "cardPin"];
  const always = { start: 0, end: 1440 };
  const demoHolders = tappedCards.map((tapped, h) => {
    const card = cards.find((candidate) => candidate.name === tapped.name);
    if (card === undefined) throw new Error(`no demo card ${tapped.name}`);
    return { card, holderId: `staff:${h}`, groupId: `bench-${tapped.assurance}` };
  });
  return {
    version,
    issuedAt: "2026-11-27T00:00:00.000Z",
    townDays: [],
    twoPersonSeconds: 30,
    areas: Array.from({ length: 100 }, (_, i) => ({
      id: `a${i}`,
      name: `エリア${i}`,
      parentId: i === 0 ? null : "a0",
      antiPassback: false,
      twoPersonRule: false,
    })),
    doors: Array.from({ length: doors }, (_, i) => ({
      id: String(i + 1),
      name: `扉${i + 1}`,
      fromArea: "a0",
      toArea: `a${1 + (i % 99)}`,
      modes: [],
      defaultMode: "locked" as const,
      heldOpenSeconds: 30,
      unlockSeconds: 5,
    })),
    schedules: [
      { id: "office", name: "平日日中", windows: { workday: [office] }, specialDays: [] },
      {
        id: "always",
        name: "常時",
        windows: { workday: [always], weeklyRest: [always], holiday: [always] },
        specialDays: [],
      },
    ],
    groups: [
      ...Array.from({ length: groups }, (_, g) => ({
        id: `g${g}`,
        name: `グループ${g}`,
        rules: Array.from({ length: 20 }, (_, r) => ({
          doorId: String(((g * 10 + r) % doors) + 1),
          scheduleId: r % 4 === 0 ? "always" : "office",
          minimumAssurance: assurances[r % 3] ?? "tap",
        })),
      })),
      ...assurances.map((assurance) => ({
        id: `bench-${assurance}`,
        name: `計測（${assurance}）`,
        rules: [{ doorId: String(benchDoorId), scheduleId: "always", minimumAssurance: assurance }],
      })),
    ],
    holders: Array.from({ length: townStaff }, (_, h) => {
      const demo = demoHolders[h];
      return {
        id: `staff:${h}`,
        groups: [
          demo === undefined
            ? { groupId: `g${h % groups}`, from: "2020-04-01", to: null }
            : { groupId: demo.groupId, from: null, to: null },
          { groupId: `g${Math.floor(random() * groups)}`, from: "2026-04-01", to: "2027-03-31" },
        ],
        grants: [],
      };
    }),
    credentials: Array.from({ length: townStaff }, (_, h) => {
      const demo = demoHolders[h];
      return demo === undefined
        ? describeTownCredential(h)
        : describeDemoCredential(demo.card, demo.holderId);
    }),
  };
}

/**
 * Leaves in `dataDir` what a door agent keeps after its server last spoke to it: the pinned server key,
 * the signed town snapshot and the assignment to door 1. The agent then starts deciding offline.
 */
export function prepareAgentDataDir(dataDir: string, snapshot: AccessSnapshot): void {
  mkdirSync(dataDir, { recursive: true });
  const key = createTestServerKey();
  writeSnapshotFile(join(dataDir, snapshotFileName), {
    format: 1,
    serverKeyPem: key.publicKeyPem,
    snapshot: signSnapshotDto(snapshot, key),
    deltas: [],
  });
  writeAssignment(dataDir, { agentId: 1, readerId: 1, doorId: benchDoorId, role: "door" });
}
