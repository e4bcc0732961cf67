/** The overtime caps chart as numbers: one scale for a set of bars, where each bar ends and its cap sits. */

export interface CapsBarInput {
  minutes: number;
  capMinutes: number;
}

export interface CapsMark {
  minutes: number;
  x: number;
}

export interface CapsBar {
  /** Length of the bar from the axis, in the chart's units. */
  length: number;
  /** Where the person's own cap line sits. */
  capX: number;
  overCap: boolean;
}

export interface CapsLayout {
  /** The minutes at the right end of the plot: a whole number of tick steps. */
  maxMinutes: number;
  ticks: CapsMark[];
  /** Lines drawn across every bar, such as the 80-hour health notice. */
  markers: CapsMark[];
  bars: CapsBar[];
}

/** Tick steps in hours; the chart takes the smallest that needs at most `maxTicks` steps. */
const tickStepsInHours = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
const maxTicks = 6;

/**
 * Lays out bars of overtime against their caps on one shared scale from zero, beyond the longest bar,
 * the highest cap and every marker, so a bar past its cap shows how far past.
 */
export function layoutCapsBars(
  inputs: readonly CapsBarInput[],
  plotWidth: number,
  markerMinutes: readonly number[] = [],
): CapsLayout {
  const highest = Math.max(
    0,
    ...inputs.flatMap((input) => [input.minutes, input.capMinutes]),
    ...markerMinutes,
  );
  const step = tickStepMinutes(highest);
  // One step of room beyond the highest value, so a bar at its cap does not run into the edge.
  const maxMinutes = (Math.floor(highest / step) + 1) * step;
  const x = (minutes: number) => (Math.min(minutes, maxMinutes) / maxMinutes) * plotWidth;
  const ticks: CapsMark[] = [];
  for (let minutes = 0; minutes <= maxMinutes; minutes += step) ticks.push({ minutes, x: x(minutes) });
  return {
    maxMinutes,
    ticks,
    markers: markerMinutes.map((minutes) => ({ minutes, x: x(minutes) })),
    bars: inputs.map((input) => ({
      length: x(input.minutes),
      capX: x(input.capMinutes),
      overCap: input.minutes > input.capMinutes,
    })),
  };
}

/** The tick step for a scale that must reach `highest` minutes. */
export function tickStepMinutes(highest: number): number {
  for (const hours of tickStepsInHours) if (highest <= hours * 60 * maxTicks) return hours * 60;
  const last = tickStepsInHours[tickStepsInHours.length - 1] ?? 1;
  return Math.ceil(highest / (last * 60 * maxTicks)) * last * 60;
}
