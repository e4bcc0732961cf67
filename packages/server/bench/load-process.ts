import { readFileSync } from "node:fs";

// USER_HZ: the unit of the CPU times in /proc/<pid>/stat (100 on every Linux this runs on).
const clockTicksPerSecond = 100;

export interface ProcessUsage {
  /** User and system CPU time since the process started. */
  cpuSeconds: number;
  rssMiB: number;
  /** The highest resident set size since the process started (VmHWM). */
  peakRssMiB: number;
}

function readStatusKiB(status: string, field: string): number {
  const line = status.split("\n").find((row) => row.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, "") ?? Number.NaN);
}

/** Another process's CPU time and memory, read from /proc (Linux only). */
export function readProcessUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return {
    cpuSeconds: ticks / clockTicksPerSecond,
    rssMiB: readStatusKiB(status, "VmRSS") / 1024,
    peakRssMiB: readStatusKiB(status, "VmHWM") / 1024,
  };
}
