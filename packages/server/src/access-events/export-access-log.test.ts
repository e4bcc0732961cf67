import { describe, expect, it } from "vitest";
import { buildAccessLogTable, monthRange } from "./export-access-log";
import { isLiveEvent, lateAfterMs } from "./ingest-access-events";
import { alarmKindOfEvent } from "./raise-alarms";

describe("monthRange", () => {
  it("spans a month in Japan time and rolls December into the next year", () => {
    expect(monthRange("2026-04")).toEqual({
      from: "2026-04-01T00:00:00+09:00",
      to: "2026-05-01T00:00:00+09:00",
    });
    expect(monthRange("2026-12")).toEqual({
      from: "2026-12-01T00:00:00+09:00",
      to: "2027-01-01T00:00:00+09:00",
    });
  });
});

describe("buildAccessLogTable", () => {
  it("writes the time in Japan time and labels direction, result and late arrival", () => {
    const [, row] = buildAccessLogTable([
      {
        seq: 1,
        eventId: "e1",
        occurredAt: "2026-03-31T15:30:00.000Z",
        receivedAt: "2026-03-31T15:40:00.000Z",
        kind: "decision",
        readerId: 1,
        readerName: "書庫 出側",
        doorId: 2,
        doorName: "書庫扉",
        areaId: 3,
        areaName: "書庫",
        direction: "exit",
        holderId: "visitor:4",
        holderName: "山田 太郎（山田設備）",
        granted: true,
        reason: "granted",
        assurance: "tap",
        live: false,
      },
    ]);
    expect(row).toEqual([
      "2026-04-01 00:30:00",
      "書庫",
      "書庫扉",
      "書庫 出側",
      "認証",
      "退室",
      "山田 太郎（山田設備）",
      "visitor:4",
      "許可",
      "granted",
      "tap",
      "遅延",
    ]);
  });
});

describe("isLiveEvent", () => {
  const receivedAt = new Date("2026-04-01T00:00:00.000Z");
  it("keeps an event live up to the threshold and late one millisecond after", () => {
    expect(isLiveEvent(new Date(receivedAt.getTime() - lateAfterMs).toISOString(), receivedAt)).toBe(true);
    expect(isLiveEvent(new Date(receivedAt.getTime() - lateAfterMs - 1).toISOString(), receivedAt)).toBe(
      false,
    );
  });
});

describe("alarmKindOfEvent", () => {
  it.each([
    ["door_forced", "forced_open"],
    ["door_held", "held_open"],
    ["tamper", "tamper"],
    ["reader_offline", "reader_offline"],
    ["reader_online", null],
    ["exit_button", null],
    ["decision", null],
  ])("maps %s to %s", (kind, alarm) => {
    expect(alarmKindOfEvent(kind)).toBe(alarm);
  });
});
