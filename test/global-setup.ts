import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const pcscdSocket = "/run/pcscd/pcscd.comm";
let started: ChildProcess | undefined;

function pcscdRunning(): boolean {
  return spawnSync("pgrep", ["--runstates", "R,S,D", "-x", "pcscd"], { stdio: "ignore" }).status === 0;
}

/**
 * The card tests talk to real pcscd (with vsmartcard's vpcd readers). Start one for the run when none
 * is running, and stop only that one afterwards.
 */
export async function setup(): Promise<void> {
  if (!existsSync("/usr/sbin/pcscd") || pcscdRunning()) return;
  started = spawn("/usr/sbin/pcscd", ["--foreground"], { stdio: "ignore" });
  for (let i = 0; i < 100 && !existsSync(pcscdSocket); i++) await new Promise((r) => setTimeout(r, 50));
}

export async function teardown(): Promise<void> {
  if (!started || started.exitCode !== null) return;
  const exited = new Promise((resolve) => started?.once("exit", resolve));
  started.kill("SIGTERM");
  await exited;
}
