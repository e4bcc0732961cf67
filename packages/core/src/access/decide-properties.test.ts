import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import type { Decision } from "./decision";
import { type AccessSnapshot, type AssuranceLevel, assuranceLevels } from "./policy";
import {
  type DecisionCase,
  decisionCaseArbitrary,
  doorIds,
  holderIds,
  instantArbitrary,
  presentationArbitrary,
  snapshotArbitrary,
} from "./random-snapshot.fixture";
import { findDoorMode } from "./schedule";
import { indexSnapshot, type SnapshotIndex } from "./snapshot-index";

const RUNS = { numRuns: 500 };

const indexes = new WeakMap<AccessSnapshot, SnapshotIndex>();

function findIndex(snapshot: AccessSnapshot): SnapshotIndex {
  const known = indexes.get(snapshot);
  if (known !== undefined) return known;
  const index = indexSnapshot(snapshot);
  indexes.set(snapshot, index);
  return index;
}

function decideCase(input: DecisionCase, assurance?: AssuranceLevel): Decision {
  const presentation = assurance === undefined ? input.presentation : { ...input.presentation, assurance };
  return decide(findIndex(input.snapshot), presentation, input.doorId, input.at, input.context);
}

function findModeOf(input: DecisionCase) {
  const door = input.snapshot.doors.find((candidate) => candidate.id === input.doorId);
  return door === undefined
    ? null
    : findDoorMode(door, input.snapshot.schedules, input.at, input.snapshot.townDays);
}

function lockDownEverything(snapshot: AccessSnapshot): AccessSnapshot {
  return {
    ...snapshot,
    doors: snapshot.doors.map((door) => ({
      ...door,
      defaultMode: "lockdown",
      heldOpenSeconds: 30,
      unlockSeconds: 5,
      modes: door.modes.map((mode) => ({ ...mode, mode: "lockdown" })),
    })),
  };
}

function revoke(snapshot: AccessSnapshot, key: string): AccessSnapshot {
  return {
    ...snapshot,
    credentials: snapshot.credentials.map((credential) =>
      credential.key === key ? { ...credential, status: "revoked" } : credential,
    ),
  };
}

describe("decide properties", () => {
  it("finds both granted and refused cases in the generated snapshots", () => {
    const samples = fc.sample(decisionCaseArbitrary, { numRuns: 2000, seed: 42 });
    const reasons = new Set(samples.map((input) => decideCase(input).reason));
    expect(reasons).toContain("granted");
    expect(reasons).toContain("free_passage");
    expect(reasons).toContain("outside_schedule");
    expect(reasons).toContain("two_person_pending");
  });

  it("never grants anything at a door in lockdown", () => {
    fc.assert(
      fc.property(decisionCaseArbitrary, (input) => {
        const decision = decideCase(input);
        if (findModeOf(input) === "lockdown")
          expect(decision).toMatchObject({ granted: false, reason: "lockdown" });
        const lockedDown = decideCase({ ...input, snapshot: lockDownEverything(input.snapshot) });
        expect(lockedDown.granted).toBe(false);
      }),
      RUNS,
    );
  });

  it("never grants a revoked credential unless the door is unlocked", () => {
    fc.assert(
      fc.property(decisionCaseArbitrary, (input) => {
        const revoked = { ...input, snapshot: revoke(input.snapshot, input.presentation.credentialKey) };
        const decision = decideCase(revoked);
        if (decision.granted) {
          expect(decision.reason).toBe("free_passage");
          expect(findModeOf(revoked)).toBe("unlocked");
        }
      }),
      RUNS,
    );
  });

  it("is monotone in assurance: what a tap opens, tap + proof and card + PIN open too", () => {
    fc.assert(
      fc.property(decisionCaseArbitrary, (input) => {
        const granted = assuranceLevels.map((level) => decideCase(input, level).granted);
        for (let weaker = 0; weaker < granted.length; weaker += 1) {
          for (let stronger = weaker + 1; stronger < granted.length; stronger += 1) {
            if (granted[weaker]) expect(granted[stronger]).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("grants only with the required assurance met, and names the holder of the card", () => {
    fc.assert(
      fc.property(decisionCaseArbitrary, (input) => {
        const decision = decideCase(input);
        if (!decision.granted || decision.reason === "free_passage") return;
        const credential = input.snapshot.credentials.find((c) => c.key === input.presentation.credentialKey);
        expect(decision.holderId).toBe(credential?.holderId);
        expect(credential?.status).toBe("active");
        const levels: readonly string[] = assuranceLevels;
        expect(levels.indexOf(input.presentation.assurance)).toBeGreaterThanOrEqual(
          levels.indexOf(decision.requiredAssurance ?? "tap"),
        );
      }),
      RUNS,
    );
  });

  it("is deterministic and never throws, whatever the door, card and time", () => {
    const oddInstant = fc.oneof(
      instantArbitrary,
      fc.string(),
      fc
        .date({
          noInvalidDate: true,
          min: new Date("0000-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59Z"),
        })
        .map((date) => date.toISOString()),
      fc.constantFrom("9999-12-31T23:59:59+00:00", "0000-01-01T00:00:00+14:00", "2026-02-30T10:00:00Z"),
    );
    fc.assert(
      fc.property(
        snapshotArbitrary,
        fc.oneof(
          presentationArbitrary,
          fc.record({ credentialKey: fc.string(), assurance: fc.constantFrom(...assuranceLevels) }),
        ),
        fc.oneof(fc.constantFrom(...doorIds), fc.string()),
        oddInstant,
        fc.record({
          lastEntry: fc.option(fc.record({ areaId: fc.string(), at: oddInstant }), { nil: null }),
          pendingTwoPerson: fc.option(
            fc.record({ holderId: fc.constantFrom(...holderIds), at: oddInstant }),
            {
              nil: null,
            },
          ),
        }),
        (snapshot, presentation, doorId, at, context) => {
          const index = indexSnapshot(snapshot);
          const first = decide(index, presentation, doorId, at, context);
          const second = decide(indexSnapshot(snapshot), presentation, doorId, at, context);
          expect(second).toEqual(first);
          if (!first.granted) expect(first.message.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });

  it("gives the same answer on an index built from a copy of the snapshot", () => {
    fc.assert(
      fc.property(decisionCaseArbitrary, (input) => {
        expect(decideCase({ ...input, snapshot: structuredClone(input.snapshot) })).toEqual(
          decideCase(input),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("refuses unknown cards except for free passage", () => {
    fc.assert(
      fc.property(decisionCaseArbitrary, (input) => {
        const decision = decideCase({
          ...input,
          presentation: { ...input.presentation, credentialKey: "unknown" },
        });
        expect(decision.holderId).toBeNull();
        if (decision.granted) expect(decision.reason).toBe("free_passage");
      }),
      RUNS,
    );
  });
});
