import { describe, expect, it } from "vitest";
import { resolveEffectivePunches } from "./punch-replacements";
import { type RawTap, readTimedTaps } from "./punch-taps";

const punch = (eventId: string, at: string, value: "in" | "out", replacesEventId?: string): RawTap =>
  replacesEventId === undefined
    ? { eventId, at, kind: "punch", punch: value }
    : { eventId, at, kind: "punch", punch: value, replacesEventId };

const summarize = (taps: RawTap[]): string[] =>
  resolveEffectivePunches(readTimedTaps(taps)).map(
    (effective) => `${effective.first.tap.eventId}:${effective.punch}`,
  );

describe("resolveEffectivePunches", () => {
  it.each<[string, RawTap[], string[]]>([
    [
      "gives the first tap the punch of the one that replaced it",
      [punch("a", "2026-11-26T08:20:00Z", "in"), punch("b", "2026-11-26T08:20:04Z", "out", "a")],
      ["a:out"],
    ],
    [
      "takes the latest replacement when several point at the first tap",
      [
        punch("a", "2026-11-26T08:20:00Z", "in"),
        punch("c", "2026-11-26T08:20:09Z", "in", "a"),
        punch("b", "2026-11-26T08:20:04Z", "out", "a"),
      ],
      ["a:in"],
    ],
    [
      "breaks a tie between replacements at the same instant by eventId",
      [
        punch("a", "2026-11-26T08:20:00Z", "in"),
        punch("r2", "2026-11-26T08:20:04Z", "in", "a"),
        punch("r1", "2026-11-26T08:20:04Z", "out", "a"),
      ],
      ["a:in"], // r2 sorts after r1, so r2's in is the latest
    ],
    [
      "follows a replacement of a replacement back to the first tap",
      [
        punch("a", "2026-11-26T08:20:00Z", "in"),
        punch("b", "2026-11-26T08:20:04Z", "out", "a"),
        punch("c", "2026-11-26T08:20:08Z", "in", "b"),
      ],
      ["a:in"],
    ],
    [
      "keeps a replacement of an unknown tap as a punch of its own",
      [punch("b", "2026-11-26T08:20:04Z", "out", "gone")],
      ["b:out"],
    ],
    [
      "keeps a tap that claims to replace a later one as a punch of its own",
      [punch("a", "2026-11-26T08:20:00Z", "out", "b"), punch("b", "2026-11-26T08:20:04Z", "in", "a")],
      ["a:in"], // a cannot replace the later b; b replaces a
    ],
    [
      "ignores a replacement that points at a door tap",
      [
        { eventId: "d", at: "2026-11-26T08:19:00Z", kind: "door", granted: true },
        punch("a", "2026-11-26T08:20:00Z", "out", "d"),
      ],
      ["a:out"],
    ],
  ])("%s", (_name, taps, expected) => {
    expect(summarize(taps)).toEqual(expected);
  });
});
