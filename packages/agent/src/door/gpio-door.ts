import { spawnSync } from "node:child_process";
import type { DoorHardwareConfig } from "../config";
import type { AgentLog } from "../log";
import type { ContactState, DoorHardware } from "./door-hardware";
import type { GpioEdge } from "./gpio-edge";
import { watchGpioInputs } from "./gpio-input-watch";
import { createGpioOutputLine, type GpioOutputLine } from "./gpio-output-line";
import { isAsserted, toLevel } from "./gpio-polarity";
import { describeCommand, findGpioTool } from "./gpio-tools";
import { createListenerSet } from "./listener-set";

export type GpioDoorConfig = Extract<DoorHardwareConfig, { driver: "gpio" }>;

export interface GpioDoorOptions {
  /** A directory holding gpioset, gpiomon and gpioget (default: found on PATH). */
  tools?: string;
  /** Edges closer together than this are contact bounce: only the last level counts. */
  debounceMs?: number;
  /** How long a new gpioset must stay up before a lock change counts as driven. */
  settleMs?: number;
  /** Wait before starting gpiomon again after it died. */
  restartMs?: number;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a line's physical level once with gpioget; throws naming the command when it fails. */
function readLevel(gpioget: string, chip: string, line: number): 0 | 1 {
  const args = [chip, String(line)];
  const result = spawnSync(gpioget, args, { encoding: "utf8", timeout: 5000 });
  // Both are null when the tool could not be started at all.
  const output = typeof result.stdout === "string" ? result.stdout.trim() : "";
  const stderr = typeof result.stderr === "string" ? result.stderr.trim() : "";
  if (result.error !== undefined || result.status !== 0 || (output !== "0" && output !== "1")) {
    const reason = result.error?.message ?? (stderr || `printed ${JSON.stringify(output)}`);
    throw new Error(`${describeCommand(gpioget, args)} failed: ${reason}`);
  }
  return output === "1" ? 1 : 0;
}

/**
 * A door wired to GPIO lines, driven through libgpiod's command-line tools (v1.6). Asserted means:
 * lock line = released, contact line = door open, exit button line = pressed, indicator line = on;
 * `activeLow` turns each around for wiring that asserts at 0 V.
 */
export function createGpioDoor(
  config: GpioDoorConfig,
  log: AgentLog,
  options: GpioDoorOptions = {},
): DoorHardware {
  const gpioset = findGpioTool("gpioset", options.tools);
  const gpiomon = findGpioTool("gpiomon", options.tools);
  const gpioget = findGpioTool("gpioget", options.tools);
  const debounceMs = options.debounceMs ?? 20;
  const settleMs = options.settleMs ?? 30;
  const { chip } = config;

  const readContactLine = (): ContactState =>
    isAsserted(readLevel(gpioget, chip, config.contact.line) === 1, config.contact.activeLow)
      ? "open"
      : "closed";
  let contact = readContactLine();
  let buttonPressed = false;
  const contactListeners = createListenerSet<ContactState>();
  const exitListeners = createListenerSet<void>();
  const debounceTimers = new Map<number, NodeJS.Timeout>();

  const lock = createGpioOutputLine({ gpioset, chip, line: config.lock.line, log, settleMs });
  const indicator: GpioOutputLine | null =
    config.indicator === undefined
      ? null
      : createGpioOutputLine({ gpioset, chip, line: config.indicator.line, log, settleMs });

  function changeContact(next: ContactState): void {
    if (next === contact) return;
    contact = next;
    contactListeners.emit(next);
  }

  // After an edge the line's level is high exactly when the edge was rising.
  function applyLevel(line: number, high: boolean): void {
    if (line === config.contact.line) {
      changeContact(isAsserted(high, config.contact.activeLow) ? "open" : "closed");
      return;
    }
    if (config.exitButton !== undefined && line === config.exitButton.line) {
      const pressed = isAsserted(high, config.exitButton.activeLow);
      const newlyPressed = pressed && !buttonPressed;
      buttonPressed = pressed;
      if (newlyPressed) exitListeners.emit(undefined);
    }
  }

  // A failing listener is logged: it must not take the input watch, and the door with it, down.
  function applyLevelSafely(line: number, high: boolean): void {
    try {
      applyLevel(line, high);
    } catch (error) {
      log.error({ chip, line }, `a door input listener failed: ${describeError(error)}`);
    }
  }

  function receiveEdge(edge: GpioEdge): void {
    if (debounceMs <= 0) {
      applyLevelSafely(edge.line, edge.rising);
      return;
    }
    const waiting = debounceTimers.get(edge.line);
    if (waiting !== undefined) clearTimeout(waiting);
    debounceTimers.set(
      edge.line,
      setTimeout(() => {
        debounceTimers.delete(edge.line);
        applyLevelSafely(edge.line, edge.rising);
      }, debounceMs),
    );
  }

  const inputLines = [
    config.contact.line,
    ...(config.exitButton === undefined ? [] : [config.exitButton.line]),
  ];
  const watch = watchGpioInputs({
    gpiomon,
    chip,
    lines: inputLines,
    log,
    restartMs: options.restartMs ?? 1000,
    onEdge: receiveEdge,
    beforeRestart() {
      buttonPressed = false;
      try {
        changeContact(readContactLine());
      } catch (error) {
        log.error({ chip }, `could not read the door contact again: ${describeError(error)}`);
      }
    },
  });

  function reportDriveFailure(what: string) {
    return (error: unknown) => {
      log.error({ chip }, `${what}: ${describeError(error)}`);
    };
  }

  void lock
    .drive(toLevel(false, config.lock.activeLow))
    .catch(reportDriveFailure("could not lock the door at start"));
  if (indicator !== null && config.indicator !== undefined) {
    void indicator
      .drive(toLevel(false, config.indicator.activeLow))
      .catch(reportDriveFailure("could not switch the indicator off at start"));
  }

  return {
    async setLockReleased(released) {
      await lock.drive(toLevel(released, config.lock.activeLow));
    },
    readContact: () => contact,
    onContactChange: (listener) => contactListeners.add(listener),
    onExitButton: (listener) => exitListeners.add(() => listener()),
    signal(feedback) {
      if (indicator === null || config.indicator === undefined) return;
      void indicator
        .drive(toLevel(feedback === "granted", config.indicator.activeLow))
        .catch(reportDriveFailure("could not drive the indicator"));
    },
    async close() {
      for (const timer of debounceTimers.values()) clearTimeout(timer);
      debounceTimers.clear();
      contactListeners.clear();
      exitListeners.clear();
      await watch.close();
      // Leave the door locked: drive it before giving the line back.
      await lock
        .drive(toLevel(false, config.lock.activeLow))
        .catch(reportDriveFailure("could not lock the door"));
      await lock.release();
      if (indicator !== null) await indicator.release();
    },
  };
}
