import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const pcscdSocket = "/run/pcscd/pcscd.comm";
// Each test run on the machine leaves a file named by its pid here while it runs, so the run that started
// pcscd does not stop it under another run still using it.
const leaseDir = join(tmpdir(), "tobira-pcscd-leases");
const ownLease = join(leaseDir, String(process.pid));
let started: ChildProcess | undefined;

function pcscdRunning(): boolean {
  return spawnSync("pgrep", ["--runstates", "R,S,D", "-x", "pcscd"], { stdio: "ignore" }).status === 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function otherRunsAlive(): boolean {
  return readdirSync(leaseDir)
    .map(Number)
    .some((pid) => pid !== process.pid && Number.isInteger(pid) && isAlive(pid));
}

/**
 * The card tests talk to real pcscd (with vsmartcard's vpcd readers). Start one for the run when none
 * is running, and stop only that one afterwards, unless another run is still using it.
 */
export async function setup(): Promise<void> {
  mkdirSync(leaseDir, { recursive: true });
  writeFileSync(ownLease, "");
  if (!existsSync("/usr/sbin/pcscd") || pcscdRunning()) return;
  started = spawn("/usr/sbin/pcscd", ["--foreground"], { stdio: "ignore", detached: true });
  for (let i = 0; i < 100 && !existsSync(pcscdSocket); i++) await new Promise((r) => setTimeout(r, 50));
}

export async function teardown(): Promise<void> {
  rmSync(ownLease, { force: true });
  if (!started || started.exitCode !== null) return;
  if (otherRunsAlive()) {
    // Left running for the other run; it is an ordinary pcscd the next run will find and reuse.
    started.unref();
    return;
  }
  const exited = new Promise((resolve) => started?.once("exit", resolve));
  started.kill("SIGTERM");
  await exited;
}
