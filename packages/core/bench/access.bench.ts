// decide() over a town-sized policy: 40,000 staff (one card each) × 2,000 doors, and what it costs to
// build, sign and verify that snapshot. Latencies are per call, in-process, on this machine.
import { generateKeyPairSync } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  type AccessSnapshot,
  type AssuranceLevel,
  decide,
  encodeSnapshot,
  indexSnapshot,
  signSnapshot,
  verifySnapshot,
} from "../src/access/index";

const staff = 40_000;
const doors = 2_000;
const groups = 200;

/** A deterministic generator, so every run decides over the same town. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function buildSnapshot(): AccessSnapshot {
  const random = createRandom(42);
  const office = { start: 8 * 60 + 30, end: 17 * 60 + 15 };
  const assurances: AssuranceLevel[] = ["tap", "tapProof", "cardPin"];
  return {
    version: 1,
    issuedAt: "2026-11-27T00:00:00.000Z",
    townDays: [],
    twoPersonSeconds: 30,
    areas: Array.from({ length: 100 }, (_, i) => ({
      id: `a${i}`,
      name: `エリア${i}`,
      parentId: i === 0 ? null : "a0",
      antiPassback: i % 10 === 0,
      twoPersonRule: false,
    })),
    doors: Array.from({ length: doors }, (_, i) => ({
      id: `d${i}`,
      name: `扉${i}`,
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
        windows: {
          workday: [{ start: 0, end: 1440 }],
          weeklyRest: [{ start: 0, end: 1440 }],
          holiday: [{ start: 0, end: 1440 }],
        },
        specialDays: [],
      },
    ],
    groups: Array.from({ length: groups }, (_, g) => ({
      id: `g${g}`,
      name: `グループ${g}`,
      rules: Array.from({ length: 20 }, (_, r) => ({
        doorId: `d${(g * 10 + r) % doors}`,
        scheduleId: r % 4 === 0 ? "always" : "office",
        minimumAssurance: assurances[r % 3] ?? "tap",
      })),
    })),
    holders: Array.from({ length: staff }, (_, h) => ({
      id: `staff:${h}`,
      groups: [
        { groupId: `g${h % groups}`, from: "2020-04-01", to: null },
        { groupId: `g${Math.floor(random() * groups)}`, from: "2026-04-01", to: "2027-03-31" },
      ],
      grants: [],
    })),
    credentials: Array.from({ length: staff }, (_, h) => ({
      key: `jpki:C=JP, O=JPKI#${(0x10000000 + h).toString(16)}`,
      kind: "jpki" as const,
      holderId: `staff:${h}`,
      status: h % 97 === 0 ? ("revoked" as const) : ("active" as const),
      validFrom: "2024-01-01T00:00:00.000Z",
      validTo: "2029-01-01T00:00:00.000Z",
      publicKey: null,
    })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function line(name: string, value: number, unit: string, digits = 2): void {
  console.log(`${name.padEnd(48)} ${value.toFixed(digits).padStart(12)} ${unit}`);
}

const buildStart = performance.now();
const snapshot = buildSnapshot();
const generatedMs = performance.now() - buildStart;
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
let t = performance.now();
const encoded = encodeSnapshot(snapshot);
const encodeMs = performance.now() - t;
t = performance.now();
const envelope = signSnapshot(snapshot, privateKey);
const signMs = performance.now() - t;
t = performance.now();
const verified = verifySnapshot(envelope, publicKey);
const verifyMs = performance.now() - t;
if (!verified.ok) throw new Error(`snapshot does not verify: ${verified.message}`);
t = performance.now();
const index = indexSnapshot(verified.snapshot);
const indexMs = performance.now() - t;

console.log(
  `snapshot: ${staff} staff, ${doors} doors, ${groups} groups × 20 rules (generated in ${(generatedMs / 1000).toFixed(1)} s)`,
);
line("snapshot: encode (canonical JSON, deflated)", encodeMs, "ms", 0);
line("snapshot: encode + Ed25519 sign", signMs, "ms", 0);
line("snapshot: signed payload size", envelope.payload.length / 1024, "KiB", 0);
line("snapshot: size per staff member", encoded.length / staff, "bytes", 1);
line("snapshot: verify + decode", verifyMs, "ms", 0);
line("snapshot: index for decide()", indexMs, "ms", 0);

const random = createRandom(7);
const calls = 200_000;
const times = new Float64Array(calls);
let granted = 0;
const instants = [
  "2026-11-27T01:00:00.000Z",
  "2026-11-27T12:00:00.000Z",
  "2026-11-28T02:00:00.000Z",
  "2026-09-22T01:00:00.000Z",
];
for (let i = 0; i < calls; i++) {
  const holder = Math.floor(random() * staff);
  // Half the taps at a door the holder's group has a rule for, half anywhere.
  const door =
    i % 2 === 0 ? ((holder % groups) * 10 + Math.floor(random() * 20)) % doors : Math.floor(random() * doors);
  const presentation = {
    credentialKey: `jpki:C=JP, O=JPKI#${(0x10000000 + holder).toString(16)}`,
    assurance: "cardPin" as const,
  };
  const at = instants[i % instants.length] ?? "2026-11-27T01:00:00.000Z";
  const start = performance.now();
  const decision = decide(index, presentation, `d${door}`, at);
  times[i] = performance.now() - start;
  if (decision.granted) granted++;
}
const sorted = Array.from(times).sort((a, b) => a - b);
line("decide(): p50", percentile(sorted, 50) * 1000, "µs");
line("decide(): p99", percentile(sorted, 99) * 1000, "µs");
// The maximum is usually a garbage-collection pause, not decide() itself.
line("decide(): max", (sorted.at(-1) ?? Number.NaN) * 1000, "µs");
line("decide(): granted share of the taps", (granted / calls) * 100, "%", 1);
