import type { AccessSnapshot, Credential, DoorMode, Schedule } from "./policy";

/** '2026-09-22 10:00' in Japan as an instant. */
export function jst(localDateTime: string): string {
  return `${localDateTime.replace(" ", "T")}:00+09:00`;
}

export const weekdayOffice: Schedule = {
  id: "weekday-office",
  name: "平日 8:30–17:15",
  windows: { workday: [{ start: 8 * 60 + 30, end: 17 * 60 + 15 }] },
  specialDays: [],
};

export const allDay: Schedule = {
  id: "all-day",
  name: "終日",
  windows: {
    workday: [{ start: 0, end: 1440 }],
    weeklyRest: [{ start: 0, end: 1440 }],
    holiday: [{ start: 0, end: 1440 }],
  },
  specialDays: [],
};

function makeCredential(key: string, holderId: string, overrides: Partial<Credential> = {}): Credential {
  return {
    key,
    kind: "jpki",
    holderId,
    status: "active",
    validFrom: "2026-01-05T00:00:00Z",
    validTo: "2031-03-31T14:59:59Z",
    publicKey: null,
    ...overrides,
  };
}

/**
 * A small town hall: the holiday entrance (unlocked in office hours), the archive 書庫 (anti-passback;
 * office hours by tap for its users, any time with card + PIN for some), the server room サーバ室 (two-person rule, tap + proof),
 * the records room 文書庫 (secured) and the machine room 機械室 (only a vendor's temporary grant).
 */
export function buildTownHall(): AccessSnapshot {
  return {
    version: 7,
    issuedAt: "2026-04-01T00:00:00Z",
    townDays: [],
    twoPersonSeconds: 30,
    areas: [
      { id: "hall", name: "庁舎", parentId: null, antiPassback: false, twoPersonRule: false },
      { id: "archive", name: "書庫", parentId: "hall", antiPassback: true, twoPersonRule: false },
      { id: "server-room", name: "サーバ室", parentId: "hall", antiPassback: false, twoPersonRule: true },
      { id: "records", name: "文書庫", parentId: "hall", antiPassback: false, twoPersonRule: false },
      { id: "machine-room", name: "機械室", parentId: "hall", antiPassback: false, twoPersonRule: false },
    ],
    doors: [
      {
        id: "entrance",
        name: "休日通用口",
        toArea: "hall",
        fromArea: "outside",
        modes: [{ scheduleId: "weekday-office", mode: "unlocked" }],
        defaultMode: "locked",
        heldOpenSeconds: 30,
        unlockSeconds: 5,
      },
      {
        id: "archive",
        name: "書庫",
        toArea: "archive",
        fromArea: "hall",
        modes: [],
        defaultMode: "locked",
        heldOpenSeconds: 30,
        unlockSeconds: 5,
      },
      {
        id: "server",
        name: "サーバ室",
        toArea: "server-room",
        fromArea: "hall",
        modes: [],
        defaultMode: "locked",
        heldOpenSeconds: 30,
        unlockSeconds: 5,
      },
      {
        id: "records",
        name: "文書庫",
        toArea: "records",
        fromArea: "hall",
        modes: [],
        defaultMode: "secured",
        heldOpenSeconds: 30,
        unlockSeconds: 5,
      },
      {
        id: "machine",
        name: "機械室",
        toArea: "machine-room",
        fromArea: "hall",
        modes: [],
        defaultMode: "locked",
        heldOpenSeconds: 30,
        unlockSeconds: 5,
      },
    ],
    schedules: [weekdayOffice, allDay],
    groups: [
      {
        id: "hall-staff",
        name: "庁舎職員",
        rules: [{ doorId: "entrance", scheduleId: "all-day", minimumAssurance: "tap" }],
      },
      {
        id: "archive-users",
        name: "書庫利用者",
        rules: [{ doorId: "archive", scheduleId: "weekday-office", minimumAssurance: "tap" }],
      },
      {
        id: "archive-after-hours",
        name: "書庫時間外",
        rules: [{ doorId: "archive", scheduleId: "all-day", minimumAssurance: "cardPin" }],
      },
      {
        id: "it",
        name: "情報政策課",
        rules: [
          { doorId: "server", scheduleId: "all-day", minimumAssurance: "tapProof" },
          { doorId: "records", scheduleId: "all-day", minimumAssurance: "tap" },
        ],
      },
    ],
    holders: [
      {
        id: "sato",
        groups: [
          { groupId: "hall-staff", from: null, to: null },
          { groupId: "archive-users", from: "2026-04-01", to: null },
          { groupId: "archive-after-hours", from: "2026-04-01", to: null },
        ],
        grants: [],
      },
      {
        id: "suzuki",
        groups: [
          { groupId: "hall-staff", from: "2025-04-01", to: "2026-03-31" },
          { groupId: "archive-users", from: "2025-04-01", to: "2026-03-31" },
        ],
        grants: [],
      },
      { id: "kato", groups: [{ groupId: "archive-users", from: "2026-04-01", to: null }], grants: [] },
      { id: "tanaka", groups: [{ groupId: "it", from: null, to: null }], grants: [] },
      { id: "ito", groups: [{ groupId: "it", from: null, to: null }], grants: [] },
      {
        id: "vendor",
        groups: [],
        grants: [
          {
            doorId: "machine",
            from: "2026-10-03T00:00:00+09:00",
            to: "2026-10-04T00:00:00+09:00",
            minimumAssurance: "tap",
          },
        ],
      },
    ],
    credentials: [
      makeCredential("jpki:JPKI-CA#1001", "sato"),
      makeCredential("jpki:JPKI-CA#0900", "sato", { status: "revoked" }),
      makeCredential("jpki:JPKI-CA#1004", "kato"),
      makeCredential("jpki:JPKI-CA#1002", "suzuki", { validFrom: "2021-04-01T00:00:00Z" }),
      makeCredential("staffCard:S-0077", "suzuki", {
        kind: "staffCard",
        status: "suspended",
        validFrom: null,
      }),
      makeCredential("staffCard:S-0101", "tanaka", { kind: "staffCard", validFrom: null, validTo: null }),
      makeCredential("staffCard:S-0102", "ito", { kind: "staffCard", validFrom: null, validTo: null }),
      makeCredential("uid:04A1B2C3D4E5F6", "vendor", {
        kind: "uid",
        validFrom: "2026-10-02T15:00:00Z",
        validTo: "2026-10-03T14:59:59.999Z",
      }),
      makeCredential("jpki:JPKI-CA#1003", "tanaka", { validFrom: "2026-10-01T00:00:00Z" }),
    ],
  };
}

export function setDoorMode(snapshot: AccessSnapshot, doorId: string, defaultMode: DoorMode): AccessSnapshot {
  return {
    ...snapshot,
    doors: snapshot.doors.map((door) => (door.id === doorId ? { ...door, defaultMode } : door)),
  };
}
