import type { DoorState } from "@tobira/protocol";
import type { Clock } from "../clock";
import type { AgentLog } from "../log";
import type { ContactState, DoorHardware, Feedback } from "./door-hardware";
import { createListenerSet } from "./listener-set";

export interface DoorTimes {
  unlockSeconds: number;
  heldOpenSeconds: number;
}

export type DoorControllerEvent = { kind: "door_forced" | "door_held" | "exit_button"; occurredAt: string };

export interface DoorController {
  /** Releases now; a later call extends the release; relocks after the time or when the door closes. */
  unlock(seconds: number): Promise<void>;
  /** Lockdown keeps the lock locked: unlock() is refused while it is on. */
  setLockdown(on: boolean): Promise<void>;
  /** Drives the LED/buzzer/screen and makes the message the door's display text. */
  show(feedback: Feedback, message: string): void;
  state(): DoorState;
  onStateChange(listener: (state: DoorState) => void): () => void;
  close(): Promise<void>;
}

export interface DoorControllerOptions {
  hardware: DoorHardware;
  clock: Clock;
  /** The door's times from the current snapshot (defaults when there is none). */
  times: () => DoorTimes;
  /** Writes the event to the outbox synchronously, before the door acts on it. */
  record: (event: DoorControllerEvent) => void;
  log?: AgentLog;
}

export class DoorLockdownError extends Error {
  override name = "DoorLockdownError";
  constructor() {
    super("the door is in lockdown: it stays locked until the lockdown is lifted");
  }
}

/** A door still swinging shut after a relock can bounce its contact open; that is not a forced entry. */
export const relockGraceMs = 2000;
const DISPLAY_MAX_LENGTH = 200;

export function createDoorController(options: DoorControllerOptions): DoorController {
  const { hardware, clock, times, record, log } = options;
  const listeners = createListenerSet<DoorState>();
  let released = false;
  let lockdown = false;
  let contact: ContactState = hardware.readContact();
  let display = "";
  let releaseUntilMs = 0;
  let relockTimer: NodeJS.Timeout | null = null;
  let heldTimer: NodeJS.Timeout | null = null;
  let openedDuringRelease = false;
  let relockedAtMs = Number.NEGATIVE_INFINITY;
  let drives: Promise<void> = Promise.resolve();
  let closed = false;

  function describeState(): DoorState {
    return { lock: released ? "released" : "locked", contact, lockdown, display };
  }

  function notify(): void {
    listeners.emit(describeState());
  }

  // A failed outbox write is logged, never thrown into the hardware's event handlers.
  function recordEvent(kind: DoorControllerEvent["kind"]): void {
    try {
      record({ kind, occurredAt: clock().toISOString() });
    } catch (error) {
      log?.error(
        { kind },
        `could not record a door event: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  // Drives run one after another so a relock never overtakes the release it ends.
  function driveLock(next: boolean): Promise<void> {
    const drive = drives.then(() => hardware.setLockReleased(next));
    drives = drive.catch((error: unknown) => {
      log?.error(
        { released: next },
        `could not drive the lock: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return drive;
  }

  function clearRelockTimer(): void {
    if (relockTimer !== null) clearTimeout(relockTimer);
    relockTimer = null;
  }

  function relock(): Promise<void> {
    clearRelockTimer();
    if (!released) return drives;
    released = false;
    openedDuringRelease = false;
    relockedAtMs = clock().getTime();
    notify();
    return driveLock(false);
  }

  function release(seconds: number): Promise<void> {
    const untilMs = clock().getTime() + Math.max(0, seconds) * 1000;
    if (released && untilMs <= releaseUntilMs) return drives;
    releaseUntilMs = untilMs;
    clearRelockTimer();
    relockTimer = setTimeout(() => {
      void relock().catch(() => undefined);
    }, untilMs - clock().getTime());
    if (released) return drives;
    released = true;
    openedDuringRelease = contact === "open";
    notify();
    return driveLock(true);
  }

  function watchHeldOpen(): void {
    if (heldTimer !== null) clearTimeout(heldTimer);
    heldTimer = setTimeout(() => {
      heldTimer = null;
      if (contact === "open") recordEvent("door_held");
    }, times().heldOpenSeconds * 1000);
  }

  function receiveContact(next: ContactState): void {
    if (next === contact) return;
    contact = next;
    if (next === "open") {
      if (released) {
        openedDuringRelease = true;
        watchHeldOpen();
      } else if (clock().getTime() - relockedAtMs >= relockGraceMs) {
        recordEvent("door_forced");
      }
      notify();
      return;
    }
    if (heldTimer !== null) clearTimeout(heldTimer);
    heldTimer = null;
    notify();
    if (released && openedDuringRelease) void relock().catch(() => undefined);
  }

  function receiveExitButton(): void {
    recordEvent("exit_button");
    // People must always be able to leave, so the exit button releases the door even in lockdown.
    void release(times().unlockSeconds).catch(() => undefined);
  }

  const stopContact = hardware.onContactChange(receiveContact);
  const stopExitButton = hardware.onExitButton(receiveExitButton);

  return {
    unlock(seconds) {
      if (closed) return Promise.reject(new Error("the door controller is closed"));
      if (lockdown) return Promise.reject(new DoorLockdownError());
      return release(seconds);
    },
    async setLockdown(on) {
      if (lockdown === on) return;
      lockdown = on;
      notify();
      if (on) await relock();
    },
    show(feedback, message) {
      hardware.signal(feedback, message);
      display = message.slice(0, DISPLAY_MAX_LENGTH);
      notify();
    },
    state: describeState,
    onStateChange: (listener) => listeners.add(listener),
    async close() {
      if (closed) return;
      closed = true;
      stopContact();
      stopExitButton();
      if (heldTimer !== null) clearTimeout(heldTimer);
      heldTimer = null;
      await relock().catch(() => undefined);
      listeners.clear();
    },
  };
}
