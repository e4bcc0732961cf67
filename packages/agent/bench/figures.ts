/** The p-th percentile of samples already sorted ascending (nearest rank). */
export function findPercentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function sortSamples(samples: Iterable<number>): number[] {
  return Array.from(samples).sort((a, b) => a - b);
}

export function printFigure(name: string, value: number, unit: string, digits = 2): void {
  console.log(`${name.padEnd(74)} ${value.toFixed(digits).padStart(10)} ${unit}`);
}

/** p50 / p99 (and max) of the samples, in ms, on one line each. */
export function printLatencies(name: string, samples: Iterable<number>, withMax = false): void {
  const sorted = sortSamples(samples);
  printFigure(`${name}: p50`, findPercentile(sorted, 50), "ms", 3);
  printFigure(`${name}: p99`, findPercentile(sorted, 99), "ms", 3);
  if (withMax) printFigure(`${name}: max`, sorted.at(-1) ?? Number.NaN, "ms", 3);
}
