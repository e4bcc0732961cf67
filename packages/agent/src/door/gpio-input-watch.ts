import { type ChildProcess, spawn } from "node:child_process";
import type { AgentLog } from "../log";
import { type GpioEdge, parseGpioEdge } from "./gpio-edge";
import { describeCommand } from "./gpio-tools";

/** Edges on input lines from a long-running `gpiomon`, restarted when it dies. */
export interface GpioInputWatch {
  close(): Promise<void>;
}

export interface GpioInputWatchOptions {
  gpiomon: string;
  chip: string;
  lines: readonly number[];
  log: AgentLog;
  restartMs: number;
  onEdge(edge: GpioEdge): void;
  /** Called before gpiomon starts again, while the lines are free, to read levels missed meanwhile. */
  beforeRestart(): void;
}

const STOP_GRACE_MS = 2000;

export function watchGpioInputs(options: GpioInputWatchOptions): GpioInputWatch {
  const { gpiomon, chip, lines, log, restartMs, onEdge, beforeRestart } = options;
  // --line-buffered: gpiomon's stdout is a pipe here, and a block-buffered edge would arrive late.
  const args = ["--num-events=0", "--line-buffered", "--format=%e %o %s %n", chip, ...lines.map(String)];
  const command = describeCommand(gpiomon, args);
  let child: ChildProcess | null = null;
  let closing = false;
  let restartTimer: NodeJS.Timeout | null = null;

  function start(): void {
    const current = spawn(gpiomon, args, { stdio: ["ignore", "pipe", "pipe"] });
    child = current;
    let pending = "";
    let stderr = "";
    current.stdout?.setEncoding("utf8");
    current.stdout?.on("data", (chunk: string) => {
      pending += chunk;
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const text of parts) {
        if (text.trim() === "") continue;
        const edge = parseGpioEdge(text);
        if (edge === null)
          log.warn({ command, output: text.slice(0, 200) }, "gpiomon printed an unexpected line");
        else onEdge(edge);
      }
    });
    current.stderr?.setEncoding("utf8");
    current.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    let ended = false;
    const end = (fields: Record<string, unknown>, message: string) => {
      if (ended) return;
      ended = true;
      if (child === current) child = null;
      if (closing) return;
      log.error({ command, ...fields, stderr: stderr.trim() }, `${message}; restarting in ${restartMs} ms`);
      restartTimer = setTimeout(() => {
        restartTimer = null;
        if (closing) return;
        beforeRestart();
        start();
      }, restartMs);
    };
    current.once("error", (error) => end({}, `gpiomon could not run: ${error.message}`));
    current.once("close", (code, signal) => end({ code, signal }, "gpiomon stopped"));
  }

  start();

  return {
    async close() {
      closing = true;
      if (restartTimer !== null) clearTimeout(restartTimer);
      const current = child;
      child = null;
      if (current === null || current.pid === undefined) return;
      if (current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
      current.kill("SIGTERM");
      const timer = setTimeout(() => current.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
