import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import type { DecisionContext, Presentation } from "./decision";
import type { AccessSnapshot, AssuranceLevel, Credential } from "./policy";
import { indexSnapshot } from "./snapshot-index";
import { buildTownHall, jst, setDoorMode } from "./town-hall.fixture";

const SATO = "jpki:JPKI-CA#1001";
const KATO = "jpki:JPKI-CA#1004";
const SATO_REVOKED = "jpki:JPKI-CA#0900";
const SUZUKI = "jpki:JPKI-CA#1002";
const SUZUKI_SUSPENDED = "staffCard:S-0077";
const TANAKA = "staffCard:S-0101";
const TANAKA_NEW_CARD = "jpki:JPKI-CA#1003";
const ITO = "staffCard:S-0102";
const VENDOR = "uid:04A1B2C3D4E5F6";
const UNKNOWN = "uid:DEADBEEF";

function present(credentialKey: string, assurance: AssuranceLevel = "tap"): Presentation {
  return { credentialKey, assurance };
}

function replaceCredential(
  snapshot: AccessSnapshot,
  key: string,
  change: Partial<Credential>,
): AccessSnapshot {
  return {
    ...snapshot,
    credentials: snapshot.credentials.map((credential) =>
      credential.key === key ? { ...credential, ...change } : credential,
    ),
  };
}

type Scenario = {
  name: string;
  snapshot?: AccessSnapshot;
  presentation: Presentation;
  doorId: string;
  at: string;
  context?: DecisionContext;
  expected: { granted: boolean; reason: string; requiredAssurance?: AssuranceLevel | null };
};

const townHall = buildTownHall();
const townHallIndex = indexSnapshot(townHall);

const scenarios: Scenario[] = [
  // Schedules and the calendar: the archive opens by tap 平日 8:30–17:15.
  {
    name: "refuses a tap at the archive on 2026-09-22 10:00 (国民の休日) as outside the schedule",
    presentation: present(KATO),
    doorId: "archive",
    at: jst("2026-09-22 10:00"),
    expected: { granted: false, reason: "outside_schedule", requiredAssurance: null },
  },
  {
    name: "lets a tap into the archive on 2026-09-24 10:00, a workday in office hours",
    presentation: present(KATO),
    doorId: "archive",
    at: jst("2026-09-24 10:00"),
    expected: { granted: true, reason: "granted", requiredAssurance: "tap" },
  },
  {
    name: "refuses a tap at the archive at 17:15, the end of the window",
    presentation: present(KATO),
    doorId: "archive",
    at: jst("2026-09-24 17:15"),
    expected: { granted: false, reason: "outside_schedule" },
  },
  {
    name: "refuses a tap at the archive on 2026-12-29 (年末年始)",
    presentation: present(KATO),
    doorId: "archive",
    at: jst("2026-12-29 10:00"),
    expected: { granted: false, reason: "outside_schedule" },
  },
  {
    name: "refuses a tap at the archive on 2027-01-03 (年末年始)",
    presentation: present(KATO),
    doorId: "archive",
    at: jst("2027-01-03 10:00"),
    expected: { granted: false, reason: "outside_schedule" },
  },
  {
    name: "opens the archive by tap on 2026-12-29 when the town makes it a workday",
    snapshot: { ...townHall, townDays: [{ date: "2026-12-29", kind: "workday", name: "臨時開庁日" }] },
    presentation: present(KATO),
    doorId: "archive",
    at: jst("2026-12-29 10:00"),
    expected: { granted: true, reason: "granted", requiredAssurance: "tap" },
  },
  {
    name: "asks for the PIN on 国民の休日 when the holder also has an any-time card + PIN rule",
    presentation: present(SATO),
    doorId: "archive",
    at: jst("2026-09-22 10:00"),
    expected: { granted: false, reason: "pin_required", requiredAssurance: "cardPin" },
  },
  {
    name: "opens the archive off hours with card + PIN under the any-time rule",
    presentation: present(SATO, "cardPin"),
    doorId: "archive",
    at: jst("2026-09-22 10:00"),
    expected: { granted: true, reason: "granted", requiredAssurance: "cardPin" },
  },
  {
    name: "needs only the weakest open rule: a tap opens the archive in office hours despite a PIN rule",
    presentation: present(SATO),
    doorId: "archive",
    at: jst("2026-09-24 10:00"),
    expected: { granted: true, reason: "granted", requiredAssurance: "tap" },
  },
  // Validity edges.
  {
    name: "honours a membership on its last day, 2026-03-31 23:59 JST",
    presentation: present(SUZUKI),
    doorId: "entrance",
    at: jst("2026-03-31 23:59"),
    expected: { granted: true, reason: "granted" },
  },
  {
    name: "refuses a membership that ended 2026-03-31 at 2026-04-01 00:00 JST",
    presentation: present(SUZUKI),
    doorId: "entrance",
    at: jst("2026-04-01 00:00"),
    expected: { granted: false, reason: "no_permission" },
  },
  {
    name: "refuses a membership before its first day",
    presentation: present(SATO),
    doorId: "archive",
    at: jst("2026-03-31 10:00"),
    expected: { granted: false, reason: "no_permission" },
  },
  {
    name: "refuses a card before its validFrom",
    presentation: present(TANAKA_NEW_CARD, "tapProof"),
    doorId: "records",
    at: "2026-09-30T23:59:59.999Z",
    expected: { granted: false, reason: "not_yet_valid" },
  },
  {
    name: "accepts a card from its validFrom instant",
    presentation: present(TANAKA_NEW_CARD, "cardPin"),
    doorId: "records",
    at: "2026-10-01T00:00:00Z",
    expected: { granted: true, reason: "granted", requiredAssurance: "cardPin" },
  },
  {
    name: "accepts a certificate at exactly its validTo (notAfter is inclusive, RFC 5280)",
    presentation: present(SATO),
    doorId: "entrance",
    at: "2031-03-31T14:59:59Z",
    expected: { granted: true, reason: "granted" },
  },
  {
    name: "refuses a certificate a millisecond after its validTo as expired",
    presentation: present(SATO),
    doorId: "entrance",
    at: "2031-03-31T14:59:59.001Z",
    expected: { granted: false, reason: "expired" },
  },
  // Card status.
  {
    name: "refuses a revoked card",
    presentation: present(SATO_REVOKED, "cardPin"),
    doorId: "archive",
    at: jst("2026-09-24 10:00"),
    expected: { granted: false, reason: "revoked" },
  },
  {
    name: "refuses a suspended card",
    presentation: present(SUZUKI_SUSPENDED),
    doorId: "entrance",
    at: jst("2026-01-10 20:00"),
    expected: { granted: false, reason: "suspended" },
  },
  {
    name: "refuses an unknown card at a locked door",
    presentation: present(UNKNOWN, "cardPin"),
    doorId: "archive",
    at: jst("2026-09-24 10:00"),
    expected: { granted: false, reason: "unknown_card" },
  },
  {
    name: "refuses a card at a door the snapshot does not know",
    presentation: present(SATO),
    doorId: "roof",
    at: jst("2026-09-24 10:00"),
    expected: { granted: false, reason: "unknown_door" },
  },
  {
    name: "refuses a door the holder has no rule for",
    presentation: present(SATO, "cardPin"),
    doorId: "server",
    at: jst("2026-09-24 10:00"),
    expected: { granted: false, reason: "no_permission" },
  },
  {
    name: "refuses an unreadable time rather than guessing",
    presentation: present(SATO),
    doorId: "archive",
    at: "2026-09-24 10:00",
    expected: { granted: false, reason: "invalid_time" },
  },
  // Assurance.
  {
    name: "refuses a plain tap where the rule needs tap + proof",
    presentation: present(TANAKA, "tap"),
    doorId: "server",
    at: jst("2026-09-24 10:00"),
    context: { pendingTwoPerson: { holderId: "ito", at: jst("2026-09-24 09:59") } },
    expected: { granted: false, reason: "assurance_too_low", requiredAssurance: "tapProof" },
  },
  {
    name: "asks for the PIN where the only open rule needs card + PIN",
    presentation: present(SATO, "tapProof"),
    doorId: "archive",
    at: jst("2026-09-24 18:00"),
    expected: { granted: false, reason: "pin_required", requiredAssurance: "cardPin" },
  },
  {
    name: "asks for the PIN at a secured door although the rule accepts a tap",
    presentation: present(TANAKA, "tapProof"),
    doorId: "records",
    at: jst("2026-09-24 10:00"),
    expected: { granted: false, reason: "pin_required", requiredAssurance: "cardPin" },
  },
  {
    name: "opens a secured door with card + PIN",
    presentation: present(TANAKA, "cardPin"),
    doorId: "records",
    at: jst("2026-09-24 10:00"),
    expected: { granted: true, reason: "granted", requiredAssurance: "cardPin" },
  },
  // Door modes.
  {
    name: "lets an unknown card through the entrance unlocked in office hours",
    presentation: present(UNKNOWN),
    doorId: "entrance",
    at: jst("2026-09-24 10:00"),
    expected: { granted: true, reason: "free_passage", requiredAssurance: null },
  },
  {
    name: "refuses an unknown card at the entrance after hours",
    presentation: present(UNKNOWN),
    doorId: "entrance",
    at: jst("2026-09-24 18:00"),
    expected: { granted: false, reason: "unknown_card" },
  },
  {
    name: "refuses everyone in lockdown, even a vendor on the day of the grant",
    snapshot: setDoorMode(townHall, "machine", "lockdown"),
    presentation: present(VENDOR, "cardPin"),
    doorId: "machine",
    at: jst("2026-10-03 10:00"),
    expected: { granted: false, reason: "lockdown" },
  },
  {
    name: "refuses a valid card at a locked-down archive in office hours",
    snapshot: setDoorMode(townHall, "archive", "lockdown"),
    presentation: present(SATO, "cardPin"),
    doorId: "archive",
    at: jst("2026-09-24 10:00"),
    expected: { granted: false, reason: "lockdown" },
  },
  // Temporary grants.
  {
    name: "opens the machine room to a vendor on the day of the grant",
    presentation: present(VENDOR),
    doorId: "machine",
    at: jst("2026-10-03 10:00"),
    expected: { granted: true, reason: "granted", requiredAssurance: "tap" },
  },
  {
    name: "opens no other door to the vendor on the day of the grant",
    presentation: present(VENDOR),
    doorId: "archive",
    at: jst("2026-10-03 10:00"),
    expected: { granted: false, reason: "no_permission" },
  },
  {
    name: "closes the machine room to the vendor the next day",
    snapshot: replaceCredential(townHall, VENDOR, { validTo: null }),
    presentation: present(VENDOR),
    doorId: "machine",
    at: jst("2026-10-04 10:00"),
    expected: { granted: false, reason: "no_permission" },
  },
  {
    name: "ends the grant at midnight: [from, to)",
    snapshot: replaceCredential(townHall, VENDOR, { validTo: null }),
    presentation: present(VENDOR),
    doorId: "machine",
    at: jst("2026-10-04 00:00"),
    expected: { granted: false, reason: "no_permission" },
  },
  // Anti-passback.
  {
    name: "refuses entering the archive again without having left",
    presentation: present(SATO),
    doorId: "archive",
    at: jst("2026-09-24 10:00"),
    context: { lastEntry: { areaId: "archive", at: jst("2026-09-24 09:30") } },
    expected: { granted: false, reason: "anti_passback", requiredAssurance: "tap" },
  },
  {
    name: "lets the holder into the archive when the last entry was elsewhere",
    presentation: present(SATO),
    doorId: "archive",
    at: jst("2026-09-24 10:00"),
    context: { lastEntry: { areaId: "hall", at: jst("2026-09-24 08:30") } },
    expected: { granted: true, reason: "granted" },
  },
  {
    name: "ignores the last entry where the area has no anti-passback",
    presentation: present(SATO),
    doorId: "entrance",
    at: jst("2026-09-24 18:00"),
    context: { lastEntry: { areaId: "hall", at: jst("2026-09-24 08:30") } },
    expected: { granted: true, reason: "granted" },
  },
  // Two-person rule.
  {
    name: "holds the first person at the server room until a second arrives",
    presentation: present(TANAKA, "tapProof"),
    doorId: "server",
    at: jst("2026-09-24 10:00"),
    expected: { granted: false, reason: "two_person_pending", requiredAssurance: "tapProof" },
  },
  {
    name: "opens the server room for a second, different person within 30 s",
    presentation: present(ITO, "tapProof"),
    doorId: "server",
    at: jst("2026-09-24 10:00"),
    context: { pendingTwoPerson: { holderId: "tanaka", at: "2026-09-24T00:59:30Z" } },
    expected: { granted: true, reason: "granted" },
  },
  {
    name: "does not count the same person twice",
    presentation: present(TANAKA, "tapProof"),
    doorId: "server",
    at: jst("2026-09-24 10:00"),
    context: { pendingTwoPerson: { holderId: "tanaka", at: "2026-09-24T00:59:50Z" } },
    expected: { granted: false, reason: "two_person_pending" },
  },
  {
    name: "lets the first presentation lapse after 30 s",
    presentation: present(ITO, "tapProof"),
    doorId: "server",
    at: jst("2026-09-24 10:00"),
    context: { pendingTwoPerson: { holderId: "tanaka", at: "2026-09-24T00:59:29.999Z" } },
    expected: { granted: false, reason: "two_person_pending" },
  },
];

describe("decide", () => {
  for (const scenario of scenarios) {
    it(scenario.name, () => {
      const index = scenario.snapshot === undefined ? townHallIndex : indexSnapshot(scenario.snapshot);
      const decision = decide(index, scenario.presentation, scenario.doorId, scenario.at, scenario.context);
      expect({ granted: decision.granted, reason: decision.reason }).toEqual({
        granted: scenario.expected.granted,
        reason: scenario.expected.reason,
      });
      if (scenario.expected.requiredAssurance !== undefined) {
        expect(decision.requiredAssurance).toBe(scenario.expected.requiredAssurance);
      }
    });
  }

  it("names the schedule and the door when outside the schedule", () => {
    const decision = decide(townHallIndex, present(KATO), "archive", jst("2026-09-22 10:00"));
    expect(decision).toEqual({
      granted: false,
      reason: "outside_schedule",
      holderId: "kato",
      requiredAssurance: null,
      message: "outside the schedule 平日 8:30–17:15 of 書庫",
    });
  });

  it("says which membership ended", () => {
    const decision = decide(townHallIndex, present(SUZUKI), "entrance", jst("2026-04-01 00:00"));
    expect(decision.granted ? "" : decision.message).toBe(
      "no permission for 休日通用口: membership of 庁舎職員 ended 2026-03-31",
    );
  });

  it("says when a temporary grant has ended", () => {
    const snapshot = replaceCredential(townHall, VENDOR, { validTo: null });
    const decision = decide(indexSnapshot(snapshot), present(VENDOR), "machine", jst("2026-10-04 10:00"));
    expect(decision.granted ? "" : decision.message).toBe(
      "no permission for 機械室: temporary grant ended 2026-10-04T00:00:00+09:00",
    );
  });

  it("refuses the vendor's visitor card after the day it was issued for", () => {
    const decision = decide(townHallIndex, present(VENDOR), "machine", jst("2026-10-04 00:00"));
    expect(decision.reason).toBe("expired");
  });

  it("refuses a card whose holder is missing from the snapshot", () => {
    const snapshot = { ...townHall, holders: townHall.holders.filter((holder) => holder.id !== "kato") };
    const decision = decide(indexSnapshot(snapshot), present(KATO), "archive", jst("2026-09-24 10:00"));
    expect(decision).toMatchObject({ granted: false, reason: "no_permission", holderId: "kato" });
  });

  it("asks for the PIN with a message naming the door", () => {
    const decision = decide(townHallIndex, present(TANAKA, "tapProof"), "records", jst("2026-09-24 10:00"));
    expect(decision.granted ? "" : decision.message).toBe("文書庫 needs card + PIN");
  });

  it("names both levels when the assurance is too low", () => {
    const decision = decide(townHallIndex, present(TANAKA), "server", jst("2026-09-24 10:00"));
    expect(decision.granted ? "" : decision.message).toBe("サーバ室 needs tap + proof, the card showed tap");
  });

  it("marks a completed two-person entry", () => {
    const decision = decide(townHallIndex, present(ITO, "tapProof"), "server", jst("2026-09-24 10:00"), {
      pendingTwoPerson: { holderId: "tanaka", at: "2026-09-24T09:59:45+09:00" },
    });
    expect(decision).toEqual({
      granted: true,
      reason: "granted",
      holderId: "ito",
      requiredAssurance: "tapProof",
      twoPersonComplete: true,
    });
  });

  it("names the holder of a known card in lockdown and null for an unknown one", () => {
    const index = indexSnapshot(setDoorMode(townHall, "archive", "lockdown"));
    expect(decide(index, present(SATO), "archive", jst("2026-09-24 10:00")).holderId).toBe("sato");
    expect(decide(index, present(UNKNOWN), "archive", jst("2026-09-24 10:00")).holderId).toBeNull();
  });

  it("gives free passage through an unlocked door even to a revoked card", () => {
    const index = indexSnapshot(setDoorMode(townHall, "archive", "unlocked"));
    expect(decide(index, present(SATO_REVOKED), "archive", jst("2026-09-22 03:00"))).toEqual({
      granted: true,
      reason: "free_passage",
      holderId: "sato",
      requiredAssurance: null,
    });
  });

  it("treats a rule whose schedule is missing as closed", () => {
    const snapshot = { ...townHall, schedules: townHall.schedules.filter((s) => s.id !== "weekday-office") };
    const decision = decide(indexSnapshot(snapshot), present(KATO), "archive", jst("2026-09-24 10:00"));
    expect(decision.reason).toBe("outside_schedule");
  });

  it("refuses a card whose validity cannot be read", () => {
    const snapshot = replaceCredential(townHall, SATO, { validTo: "31 March 2031" });
    const decision = decide(indexSnapshot(snapshot), present(SATO), "entrance", jst("2026-09-24 18:00"));
    expect(decision.reason).toBe("expired");
  });
});
