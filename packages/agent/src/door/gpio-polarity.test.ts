import { describe, expect, it } from "vitest";
import { isAsserted, toLevel } from "./gpio-polarity";

describe("GPIO polarity", () => {
  it.each([
    [true, false, true],
    [false, false, false],
    [true, true, false],
    [false, true, true],
  ])("a high level %s with activeLow %s reads as asserted %s", (high, activeLow, asserted) => {
    expect(isAsserted(high, activeLow)).toBe(asserted);
  });

  it.each([
    [true, false, 1],
    [false, false, 0],
    [true, true, 0],
    [false, true, 1],
  ])("asserting %s with activeLow %s drives level %s", (asserted, activeLow, level) => {
    expect(toLevel(asserted, activeLow)).toBe(level);
  });

  it("reads back what it drives for either wiring", () => {
    for (const activeLow of [false, true]) {
      for (const asserted of [false, true]) {
        expect(isAsserted(toLevel(asserted, activeLow) === 1, activeLow)).toBe(asserted);
      }
    }
  });
});
