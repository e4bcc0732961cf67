import { performance } from "node:perf_hooks";

export interface Measurement<T> {
  result: T;
  seconds: number;
  /** Highest heap in use seen while it ran, sampled every 20 ms. */
  peakHeapMiB: number;
}

/** Times one run of `task` and samples the heap while it runs. */
export async function measure<T>(task: () => Promise<T>): Promise<Measurement<T>> {
  globalThis.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const start = performance.now();
  try {
    const result = await task();
    const seconds = (performance.now() - start) / 1000;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, seconds, peakHeapMiB: peak / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

export function printFigure(name: string, value: number, unit: string, digits = 2): void {
  console.log(`${name.padEnd(52)} ${value.toFixed(digits).padStart(12)} ${unit}`);
}

export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
