import { describe, expect, it } from "vitest";
import type { Door, Schedule } from "./policy";
import { findDoorMode, isWithinSchedule } from "./schedule";
import { allDay, jst, weekdayOffice } from "./town-hall.fixture";

describe("isWithinSchedule", () => {
  const cases: { name: string; at: string; open: boolean }[] = [
    { name: "opens at 8:30 on a workday", at: jst("2026-09-24 08:30"), open: true },
    { name: "is closed a second before 8:30", at: "2026-09-23T23:29:59.999Z", open: false },
    { name: "is open at 17:14:59", at: "2026-09-24T08:14:59Z", open: true },
    { name: "closes at 17:15 (windows are [start, end))", at: jst("2026-09-24 17:15"), open: false },
    { name: "is closed on 国民の休日 2026-09-22", at: jst("2026-09-22 10:00"), open: false },
    { name: "is closed on a Saturday", at: jst("2026-10-03 10:00"), open: false },
    { name: "is closed on 年末年始 2026-12-29", at: jst("2026-12-29 10:00"), open: false },
    { name: "is closed on 2027-01-03, the last day of 年末年始", at: jst("2027-01-03 10:00"), open: false },
    { name: "reopens on 2027-01-04", at: jst("2027-01-04 10:00"), open: true },
    {
      name: "judges the Tokyo date, not the UTC one (Friday 00:30 UTC is 09:30 JST)",
      at: "2026-09-25T00:30:00Z",
      open: true,
    },
    {
      name: "judges 2026-09-23T16:00Z as Thursday 01:00 JST, closed",
      at: "2026-09-23T16:00:00Z",
      open: false,
    },
    { name: "is never open at an unreadable instant", at: "2026-09-24 10:00", open: false },
    { name: "is never open at an instant without an offset", at: "2026-09-24T10:00:00", open: false },
  ];
  for (const { name, at, open } of cases) {
    it(name, () => {
      expect(isWithinSchedule(weekdayOffice, at)).toBe(open);
    });
  }

  it("opens the archive on 年末年始 when the town makes the day a workday", () => {
    const townDays = [{ date: "2026-12-29", kind: "workday" as const, name: "御用納め延長" }];
    expect(isWithinSchedule(weekdayOffice, jst("2026-12-29 10:00"), townDays)).toBe(true);
  });

  it("closes on a town holiday", () => {
    const townDays = [{ date: "2026-09-24", kind: "holiday" as const, name: "町制施行記念日" }];
    expect(isWithinSchedule(weekdayOffice, jst("2026-09-24 10:00"), townDays)).toBe(false);
  });

  it("uses the 週休日 windows for a national holiday on a Sunday (2026-05-03)", () => {
    const weekendOnly: Schedule = {
      id: "weekend",
      name: "週休日 9:00–12:00",
      windows: { weeklyRest: [{ start: 540, end: 720 }] },
      specialDays: [],
    };
    expect(isWithinSchedule(weekendOnly, jst("2026-05-03 10:00"))).toBe(true);
  });

  it("covers until midnight with a window ending at 1440", () => {
    expect(isWithinSchedule(allDay, "2026-09-24T14:59:59.999Z")).toBe(true);
    expect(isWithinSchedule(allDay, jst("2026-09-24 00:00"))).toBe(true);
  });

  it("lets a special day replace the day type's windows on that date only", () => {
    const maintenance: Schedule = {
      ...weekdayOffice,
      specialDays: [{ date: "2026-10-03", windows: [{ start: 9 * 60, end: 12 * 60 }] }],
    };
    expect(isWithinSchedule(maintenance, jst("2026-10-03 09:00"))).toBe(true);
    expect(isWithinSchedule(maintenance, jst("2026-10-03 12:00"))).toBe(false);
    expect(isWithinSchedule(maintenance, jst("2026-10-10 09:00"))).toBe(false);
  });

  it("closes a workday all day with a special day that has no windows", () => {
    const closed: Schedule = { ...weekdayOffice, specialDays: [{ date: "2026-09-24", windows: [] }] };
    expect(isWithinSchedule(closed, jst("2026-09-24 10:00"))).toBe(false);
    expect(isWithinSchedule(closed, jst("2026-09-25 10:00"))).toBe(true);
  });

  it("adds up several special-day entries for one date", () => {
    const split: Schedule = {
      ...weekdayOffice,
      specialDays: [
        { date: "2026-09-24", windows: [{ start: 540, end: 600 }] },
        { date: "2026-09-24", windows: [{ start: 780, end: 840 }] },
      ],
    };
    expect(isWithinSchedule(split, jst("2026-09-24 09:30"))).toBe(true);
    expect(isWithinSchedule(split, jst("2026-09-24 13:30"))).toBe(true);
    expect(isWithinSchedule(split, jst("2026-09-24 11:00"))).toBe(false);
  });
});

describe("findDoorMode", () => {
  const lunch: Schedule = {
    id: "lunch",
    name: "昼休み",
    windows: { workday: [{ start: 12 * 60, end: 13 * 60 }] },
    specialDays: [],
  };
  const entrance: Door = {
    id: "entrance",
    name: "休日通用口",
    toArea: "hall",
    fromArea: "outside",
    modes: [
      { scheduleId: "lunch", mode: "secured" },
      { scheduleId: "weekday-office", mode: "unlocked" },
    ],
    defaultMode: "locked",
    heldOpenSeconds: 30,
    unlockSeconds: 5,
  };
  const schedules = [weekdayOffice, lunch];

  it("takes the mode of the first open schedule", () => {
    expect(findDoorMode(entrance, schedules, jst("2026-09-24 12:30"))).toBe("secured");
    expect(findDoorMode(entrance, schedules, jst("2026-09-24 10:00"))).toBe("unlocked");
  });

  it("falls back to the default mode outside every schedule", () => {
    expect(findDoorMode(entrance, schedules, jst("2026-09-24 18:00"))).toBe("locked");
    expect(findDoorMode(entrance, schedules, jst("2026-09-22 10:00"))).toBe("locked");
  });

  it("ignores a mode whose schedule is missing", () => {
    expect(findDoorMode(entrance, [weekdayOffice], jst("2026-09-24 12:30"))).toBe("unlocked");
  });

  it("keeps the default mode at an unreadable instant", () => {
    expect(findDoorMode(entrance, schedules, "yesterday")).toBe("locked");
  });
});
