import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutCapsBars, tickStepMinutes } from "./caps-geometry";

const hours = (value: number) => value * 60;

describe("caps chart geometry", () => {
  it("scales a month of 45-hour caps with an 80-hour notice line to 100 hours in 20-hour ticks", () => {
    const layout = layoutCapsBars(
      [
        { minutes: hours(30), capMinutes: hours(45) },
        { minutes: hours(52) + 30, capMinutes: hours(45) },
      ],
      500,
      [hours(80)],
    );
    expect(layout.maxMinutes).toBe(hours(100));
    expect(layout.ticks.map((tick) => tick.minutes / 60)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(layout.ticks.map((tick) => tick.x)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(layout.markers).toEqual([{ minutes: hours(80), x: 400 }]);
    expect(layout.bars).toEqual([
      { length: 150, capX: 225, overCap: false },
      { length: 262.5, capX: 225, overCap: true },
    ]);
  });

  it("widens the scale for a 他律的 section's 100-hour cap and for a bar beyond it", () => {
    const layout = layoutCapsBars([{ minutes: hours(105), capMinutes: hours(100) }], 240, [hours(80)]);
    expect(layout.maxMinutes).toBe(hours(120));
    expect(layout.bars[0]).toEqual({ length: 210, capX: 200, overCap: true });
  });

  it("puts a fiscal year of 360 hours on a 100-hour step", () => {
    const layout = layoutCapsBars([{ minutes: hours(120), capMinutes: hours(360) }], 400);
    expect(layout.maxMinutes).toBe(hours(400));
    expect(layout.ticks).toHaveLength(5);
    expect(layout.bars[0]?.length).toBe(120);
  });

  it("draws an empty month on a one-hour scale instead of dividing by zero", () => {
    const layout = layoutCapsBars([{ minutes: 0, capMinutes: 0 }], 300);
    expect(layout.maxMinutes).toBe(60);
    expect(layout.bars[0]).toEqual({ length: 0, capX: 0, overCap: false });
  });

  it("keeps every bar, cap and tick inside the plot, and never draws more overtime as a shorter bar", () => {
    const bar = fc.record({ minutes: fc.nat(200_000), capMinutes: fc.nat(200_000) });
    const bars = fc.array(bar, { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(bars, fc.integer({ min: 50, max: 2000 }), (inputs, width) => {
        const layout = layoutCapsBars(inputs, width);
        expect(layout.ticks.length).toBeLessThanOrEqual(7);
        for (const tick of layout.ticks) expect(tick.x).toBeLessThanOrEqual(width);
        const drawn = layout.bars.map((one, index) => ({ ...one, minutes: inputs[index]?.minutes ?? 0 }));
        for (const one of drawn) {
          expect(one.length).toBeLessThanOrEqual(width);
          expect(one.capX).toBeLessThanOrEqual(width);
          for (const other of drawn)
            if (other.minutes > one.minutes) expect(other.length).toBeGreaterThanOrEqual(one.length);
        }
      }),
    );
  });

  it("chooses the smallest step that needs at most six ticks", () => {
    expect(tickStepMinutes(hours(6))).toBe(hours(1));
    expect(tickStepMinutes(hours(45))).toBe(hours(10));
    expect(tickStepMinutes(hours(720))).toBe(hours(200));
  });
});
