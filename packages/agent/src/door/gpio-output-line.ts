import { type ChildProcess, spawn } from "node:child_process";
import type { AgentLog } from "../log";
import { describeCommand } from "./gpio-tools";

/**
 * One output line held by `gpioset --mode=signal`: libgpiod v1 keeps a line's value only while the
 * process that requested it lives, so a new value means stopping the old process and starting another.
 */
export interface GpioOutputLine {
  /** Drives the physical level (0 or 1); resolves once gpioset has held it for the settle time. */
  drive(level: 0 | 1): Promise<void>;
  /** Stops gpioset, giving the line back to the kernel. */
  release(): Promise<void>;
}

export interface GpioOutputLineOptions {
  gpioset: string;
  chip: string;
  line: number;
  log: AgentLog;
  /** How long gpioset must stay up before a drive counts as done (it fails fast on a busy line). */
  settleMs: number;
}

interface Held {
  child: ChildProcess;
  level: 0 | 1;
  exited: Promise<void>;
  stopping: boolean;
}

const STOP_GRACE_MS = 2000;

export function createGpioOutputLine(options: GpioOutputLineOptions): GpioOutputLine {
  const { gpioset, chip, line, log, settleMs } = options;
  let held: Held | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function stopHeld(): Promise<void> {
    const current = held;
    held = null;
    if (current === null) return;
    current.stopping = true;
    if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill("SIGTERM");
    const timer = setTimeout(() => current.child.kill("SIGKILL"), STOP_GRACE_MS);
    await current.exited;
    clearTimeout(timer);
  }

  function startHeld(level: 0 | 1): Promise<void> {
    const args = ["--mode=signal", chip, `${line}=${level}`];
    const command = describeCommand(gpioset, args);
    const child = spawn(gpioset, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    let settled = false;
    const current: Held = {
      child,
      level,
      stopping: false,
      // "exit", not "close": a grandchild holding stderr open must not keep the line looking held.
      exited: new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.once("error", () => resolve());
      }),
    };
    held = current;
    return new Promise<void>((resolve, reject) => {
      const fail = (reason: string) => {
        if (held === current) held = null;
        const message = `${command} ${reason}${stderr === "" ? "" : `: ${stderr.trim()}`}`;
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          reject(new Error(message));
          return;
        }
        if (!current.stopping) log.error({ command, line }, `GPIO output line lost: ${message}`);
      };
      const timer = setTimeout(() => {
        settled = true;
        resolve();
      }, settleMs);
      child.once("error", (error) => fail(`could not start (${error.message})`));
      child.once("close", (code, signal) => {
        if (current.stopping) return;
        fail(signal === null ? `exited with code ${code}` : `ended by ${signal}`);
      });
    });
  }

  function enqueue(step: () => Promise<void>): Promise<void> {
    const next = queue.then(step);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    drive(level) {
      return enqueue(async () => {
        if (held !== null && held.level === level) return;
        await stopHeld();
        try {
          await startHeld(level);
        } catch (error) {
          log.error({ chip, line }, error instanceof Error ? error.message : String(error));
          throw error;
        }
      });
    },
    release() {
      return enqueue(stopHeld);
    },
  };
}
