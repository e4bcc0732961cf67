import fc from "fast-check";
import { fromEpochDay, toEpochDay } from "../calendar/index";
import type { DecisionContext, Presentation } from "./decision";
import {
  type AccessSnapshot,
  type Area,
  assuranceLevels,
  type Credential,
  type Door,
  type DoorMode,
  type Holder,
  type Schedule,
  type TimeWindow,
} from "./policy";

// Small pools of ids so that rules, memberships and credentials point at one another often.
export const doorIds = ["d0", "d1", "d2", "d3"];
export const areaIds = ["a0", "a1", "a2"];
export const scheduleIds = ["s0", "s1", "s2"];
export const groupIds = ["g0", "g1", "g2"];
export const holderIds = ["h0", "h1", "h2", "h3"];
export const credentialKeys = ["k0", "k1", "k2", "k3", "k4", "k5"];

const FROM_MS = Date.UTC(2025, 11, 25);
const TO_MS = Date.UTC(2027, 0, 10);
const doorModes: DoorMode[] = ["locked", "unlocked", "secured", "lockdown"];

export const instantArbitrary = fc
  .integer({ min: FROM_MS, max: TO_MS })
  .map((ms) => new Date(ms).toISOString());

const dateArbitrary = fc
  .integer({ min: toEpochDay("2025-12-25"), max: toEpochDay("2027-01-10") })
  .map((epochDay) => fromEpochDay(epochDay));

const assuranceArbitrary = fc.constantFrom(...assuranceLevels);

const windowArbitrary: fc.Arbitrary<TimeWindow> = fc.record({
  start: fc.integer({ min: 0, max: 1440 }),
  end: fc.integer({ min: 0, max: 1440 }),
});

const windowsArbitrary = fc.array(windowArbitrary, { maxLength: 3 });

function buildScheduleArbitrary(id: string): fc.Arbitrary<Schedule> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`schedule ${id}`),
    windows: fc.record(
      { workday: windowsArbitrary, weeklyRest: windowsArbitrary, holiday: windowsArbitrary },
      { requiredKeys: [] },
    ),
    specialDays: fc.array(fc.record({ date: dateArbitrary, windows: windowsArbitrary }), { maxLength: 2 }),
  });
}

function buildAreaArbitrary(id: string): fc.Arbitrary<Area> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`area ${id}`),
    parentId: fc.constant(null),
    antiPassback: fc.boolean(),
    twoPersonRule: fc.boolean(),
  });
}

function buildDoorArbitrary(id: string): fc.Arbitrary<Door> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`door ${id}`),
    toArea: fc.constantFrom(...areaIds, "missing-area"),
    fromArea: fc.constantFrom(...areaIds),
    modes: fc.array(
      fc.record({
        scheduleId: fc.constantFrom(...scheduleIds, "missing"),
        mode: fc.constantFrom(...doorModes),
      }),
      { maxLength: 2 },
    ),
    defaultMode: fc.constantFrom(...doorModes),
    heldOpenSeconds: fc.integer({ min: 5, max: 600 }),
    unlockSeconds: fc.integer({ min: 1, max: 60 }),
  });
}

function buildHolderArbitrary(id: string): fc.Arbitrary<Holder> {
  return fc.record({
    id: fc.constant(id),
    groups: fc.array(
      fc.record({
        groupId: fc.constantFrom(...groupIds),
        from: fc.option(dateArbitrary, { nil: null }),
        to: fc.option(dateArbitrary, { nil: null }),
      }),
      { maxLength: 3 },
    ),
    grants: fc.array(
      fc.record({
        doorId: fc.constantFrom(...doorIds),
        from: instantArbitrary,
        to: instantArbitrary,
        minimumAssurance: assuranceArbitrary,
      }),
      { maxLength: 2 },
    ),
  });
}

function buildCredentialArbitrary(key: string): fc.Arbitrary<Credential> {
  return fc.record({
    key: fc.constant(key),
    kind: fc.constantFrom("jpki" as const, "staffCard" as const, "uid" as const),
    holderId: fc.constantFrom(...holderIds, "missing-holder"),
    status: fc.constantFrom("active" as const, "active" as const, "suspended" as const, "revoked" as const),
    validFrom: fc.option(instantArbitrary, { nil: null }),
    validTo: fc.option(instantArbitrary, { nil: null }),
    publicKey: fc.constant(null),
  });
}

export const snapshotArbitrary: fc.Arbitrary<AccessSnapshot> = fc.record({
  version: fc.nat({ max: 1_000_000 }),
  issuedAt: instantArbitrary,
  townDays: fc.array(
    fc.record({
      date: dateArbitrary,
      kind: fc.constantFrom("holiday" as const, "workday" as const),
      name: fc.constant("町の日"),
    }),
    { maxLength: 3 },
  ),
  twoPersonSeconds: fc.integer({ min: 0, max: 120 }),
  areas: fc.tuple(...areaIds.map(buildAreaArbitrary)),
  doors: fc.tuple(...doorIds.map(buildDoorArbitrary)),
  schedules: fc.tuple(...scheduleIds.map(buildScheduleArbitrary)),
  groups: fc.tuple(
    ...groupIds.map((id) =>
      fc.record({
        id: fc.constant(id),
        name: fc.constant(`group ${id}`),
        rules: fc.array(
          fc.record({
            doorId: fc.constantFrom(...doorIds),
            scheduleId: fc.constantFrom(...scheduleIds, "missing"),
            minimumAssurance: assuranceArbitrary,
          }),
          { maxLength: 4 },
        ),
      }),
    ),
  ),
  holders: fc.tuple(...holderIds.map(buildHolderArbitrary)),
  credentials: fc.tuple(...credentialKeys.map(buildCredentialArbitrary)),
});

export const presentationArbitrary: fc.Arbitrary<Presentation> = fc.record({
  credentialKey: fc.constantFrom(...credentialKeys, "unknown"),
  assurance: assuranceArbitrary,
});

function shiftInstant(at: string, seconds: number): string {
  return new Date(Date.parse(at) + seconds * 1000).toISOString();
}

/** A context whose pending two-person presentation is often a few seconds before `at`. */
export function buildContextArbitrary(at: string): fc.Arbitrary<DecisionContext> {
  return fc.record(
    {
      lastEntry: fc.option(fc.record({ areaId: fc.constantFrom(...areaIds), at: instantArbitrary }), {
        nil: null,
      }),
      pendingTwoPerson: fc.option(
        fc.record({
          holderId: fc.constantFrom(...holderIds),
          at: fc.integer({ min: -10, max: 150 }).map((seconds) => shiftInstant(at, -seconds)),
        }),
        { nil: null },
      ),
    },
    { requiredKeys: [] },
  );
}

export type DecisionCase = {
  snapshot: AccessSnapshot;
  presentation: Presentation;
  doorId: string;
  at: string;
  context: DecisionContext;
};

export const decisionCaseArbitrary: fc.Arbitrary<DecisionCase> = fc
  .record({
    snapshot: snapshotArbitrary,
    presentation: presentationArbitrary,
    doorId: fc.constantFrom(...doorIds),
    at: instantArbitrary,
  })
  .chain((partial) => buildContextArbitrary(partial.at).map((context) => ({ ...partial, context })));
