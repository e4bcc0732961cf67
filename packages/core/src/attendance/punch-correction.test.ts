import { describe, expect, it } from "vitest";
import { applyPunchCorrection, assertPunchCorrection, type SourcedPunch } from "./punch-correction";

const terminal = (minute: number): SourcedPunch => ({ minute, source: "terminal" });
const missing: SourcedPunch = { minute: null, source: null };

describe("applyPunchCorrection", () => {
  it.each<
    [string, SourcedPunch, SourcedPunch, { clockIn?: number | null; clockOut?: number | null }, unknown]
  >([
    [
      "sets a punch a correction gives",
      terminal(510),
      missing,
      { clockOut: 1035 }, // 17:15 = 17*60+15
      { clockIn: terminal(510), clockOut: { minute: 1035, source: "correction" } },
    ],
    [
      "clears a punch a correction sets to null",
      terminal(510),
      terminal(1140),
      { clockOut: null },
      { clockIn: terminal(510), clockOut: { minute: null, source: "correction" } },
    ],
    [
      "leaves both punches when the correction names neither",
      terminal(510),
      terminal(1035),
      {},
      {
        clockIn: terminal(510),
        clockOut: terminal(1035),
      },
    ],
    [
      "drops a recorded clock-out that would precede a corrected clock-in",
      missing,
      terminal(500), // an 08:20 out …
      { clockIn: 510 }, // … before the corrected 08:30 in: the out stays missing for a look
      { clockIn: { minute: 510, source: "correction" }, clockOut: missing },
    ],
    [
      "drops a recorded clock-in that would follow a corrected clock-out",
      terminal(1100),
      missing,
      { clockOut: 1035 },
      { clockIn: missing, clockOut: { minute: 1035, source: "correction" } },
    ],
  ])("%s", (_name, clockIn, clockOut, fields, expected) => {
    expect(applyPunchCorrection(clockIn, clockOut, { date: "2026-11-26", ...fields })).toEqual(expected);
  });
});

describe("assertPunchCorrection", () => {
  it.each([
    ["another date", { date: "2026-11-27", clockIn: 510 }],
    ["a fractional minute", { date: "2026-11-26", clockIn: 510.5 }],
    ["a negative minute", { date: "2026-11-26", clockOut: -1 }],
    ["a clock-out before its clock-in", { date: "2026-11-26", clockIn: 1035, clockOut: 510 }],
  ])("refuses a correction with %s", (_name, correction) => {
    expect(() => assertPunchCorrection(correction, "2026-11-26")).toThrow(RangeError);
  });
});
