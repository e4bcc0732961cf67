import type { DoorState } from "@tobira/protocol";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createDoorController,
  type DoorController,
  type DoorControllerEvent,
  DoorLockdownError,
} from "./door-controller";
import { createRecordingLog } from "./recording-log";
import { createSimulatedDoor, type SimulatedDoor } from "./simulated-door";

let door: SimulatedDoor;
let controller: DoorController;
let events: DoorControllerEvent[];
let times = { unlockSeconds: 5, heldOpenSeconds: 30 };

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-27T00:30:00Z") });
  door = createSimulatedDoor();
  events = [];
  times = { unlockSeconds: 5, heldOpenSeconds: 30 };
  controller = createDoorController({
    hardware: door,
    clock: () => new Date(),
    times: () => times,
    record: (event) => events.push(event),
  });
});

afterEach(async () => {
  await controller.close();
  vi.useRealTimers();
});

const kinds = () => events.map((event) => event.kind);

describe("unlock", () => {
  it("releases the lock at once and relocks after the given seconds", async () => {
    await controller.unlock(5);
    expect(door.isLockReleased()).toBe(true);
    expect(controller.state().lock).toBe("released");
    await vi.advanceTimersByTimeAsync(4999);
    expect(door.isLockReleased()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(door.isLockReleased()).toBe(false);
    expect(controller.state().lock).toBe("locked");
  });

  it("extends a release when called again before it ends", async () => {
    await controller.unlock(5);
    await vi.advanceTimersByTimeAsync(4000);
    await controller.unlock(5);
    await vi.advanceTimersByTimeAsync(4000);
    expect(door.isLockReleased()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(door.isLockReleased()).toBe(false);
  });

  it("keeps the longer release when a shorter one is asked for", async () => {
    await controller.unlock(10);
    await controller.unlock(2);
    await vi.advanceTimersByTimeAsync(9000);
    expect(door.isLockReleased()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(door.isLockReleased()).toBe(false);
  });

  it("relocks as soon as the door closes again after being opened", async () => {
    await controller.unlock(5);
    door.openDoor();
    await vi.advanceTimersByTimeAsync(1500);
    door.closeDoor();
    await vi.advanceTimersByTimeAsync(0);
    expect(door.isLockReleased()).toBe(false);
    expect(events).toEqual([]);
  });

  it("does not count a door bouncing open within 2 s of a relock as forced", async () => {
    await controller.unlock(5);
    door.openDoor();
    door.closeDoor();
    await vi.advanceTimersByTimeAsync(1900);
    door.openDoor();
    expect(events).toEqual([]);
  });
});

describe("door contact", () => {
  it("records door_forced when the door opens while locked", () => {
    door.openDoor();
    expect(events).toEqual([{ kind: "door_forced", occurredAt: "2026-11-27T00:30:00.000Z" }]);
    expect(controller.state().contact).toBe("open");
  });

  it("records door_forced when the door opens more than 2 s after a relock", async () => {
    await controller.unlock(5);
    door.openDoor();
    door.closeDoor();
    await vi.advanceTimersByTimeAsync(2000);
    door.openDoor();
    expect(kinds()).toEqual(["door_forced"]);
  });

  it("records door_held once when a door opened during a release stays open too long", async () => {
    times = { unlockSeconds: 5, heldOpenSeconds: 20 };
    await controller.unlock(5);
    door.openDoor();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual([{ kind: "door_held", occurredAt: "2026-11-27T00:30:20.000Z" }]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(kinds()).toEqual(["door_held"]);
  });

  it("records nothing when the door closes within the held-open time", async () => {
    await controller.unlock(5);
    door.openDoor();
    await vi.advanceTimersByTimeAsync(29_000);
    door.closeDoor();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toEqual([]);
  });

  it("records door_held again for a later opening", async () => {
    times = { unlockSeconds: 5, heldOpenSeconds: 10 };
    await controller.unlock(5);
    door.openDoor();
    await vi.advanceTimersByTimeAsync(10_000);
    door.closeDoor();
    await vi.advanceTimersByTimeAsync(5000);
    await controller.unlock(5);
    door.openDoor();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(kinds()).toEqual(["door_held", "door_held"]);
  });
});

describe("exit button", () => {
  it("records exit_button before releasing the door for its unlock time", async () => {
    times = { unlockSeconds: 7, heldOpenSeconds: 30 };
    const lockWhenRecorded: boolean[] = [];
    await controller.close();
    controller = createDoorController({
      hardware: door,
      clock: () => new Date(),
      times: () => times,
      record: (event) => {
        lockWhenRecorded.push(door.isLockReleased());
        events.push(event);
      },
    });
    door.pressExitButton();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([{ kind: "exit_button", occurredAt: "2026-11-27T00:30:00.000Z" }]);
    expect(lockWhenRecorded).toEqual([false]);
    expect(door.isLockReleased()).toBe(true);
    door.openDoor();
    expect(kinds()).toEqual(["exit_button"]);
    await vi.advanceTimersByTimeAsync(7000);
    expect(door.isLockReleased()).toBe(false);
  });

  it("still releases the door when the event cannot be recorded", async () => {
    await controller.close();
    const log = createRecordingLog();
    controller = createDoorController({
      hardware: door,
      clock: () => new Date(),
      times: () => times,
      record: () => {
        throw new Error("disk full");
      },
      log,
    });
    door.pressExitButton();
    await vi.advanceTimersByTimeAsync(0);
    expect(door.isLockReleased()).toBe(true);
    expect(log.entries.map((entry) => entry.message)).toEqual(["could not record a door event: disk full"]);
  });

  it("lets people leave during a lockdown", async () => {
    await controller.setLockdown(true);
    door.pressExitButton();
    await vi.advanceTimersByTimeAsync(0);
    expect(door.isLockReleased()).toBe(true);
    expect(kinds()).toEqual(["exit_button"]);
  });
});

describe("lockdown", () => {
  it("refuses unlock while on and allows it again once lifted", async () => {
    await controller.setLockdown(true);
    await expect(controller.unlock(5)).rejects.toBeInstanceOf(DoorLockdownError);
    expect(door.isLockReleased()).toBe(false);
    expect(controller.state().lockdown).toBe(true);
    await controller.setLockdown(false);
    await controller.unlock(5);
    expect(door.isLockReleased()).toBe(true);
  });

  it("relocks a released door at once", async () => {
    await controller.unlock(60);
    await controller.setLockdown(true);
    expect(door.isLockReleased()).toBe(false);
    expect(controller.state()).toMatchObject({ lock: "locked", lockdown: true });
  });
});

describe("display and state", () => {
  it("signals the hardware and shows the message as the display text", () => {
    controller.show("denied", "拒否 / denied: outside_schedule");
    expect(door.lastSignal()).toEqual({ feedback: "denied", message: "拒否 / denied: outside_schedule" });
    expect(controller.state()).toEqual({
      lock: "locked",
      contact: "closed",
      lockdown: false,
      display: "拒否 / denied: outside_schedule",
    });
  });

  it("keeps the display text within the protocol's 200 characters", () => {
    controller.show("error", "x".repeat(300));
    expect(controller.state().display).toHaveLength(200);
  });

  it("tells listeners every change until they stop listening", async () => {
    const seen: DoorState[] = [];
    const stop = controller.onStateChange((state) => seen.push(state));
    await controller.unlock(5);
    door.openDoor();
    door.closeDoor();
    stop();
    controller.show("granted", "ok");
    expect(seen.map((state) => `${state.lock}/${state.contact}`)).toEqual([
      "released/closed",
      "released/open",
      "released/closed",
      "locked/closed",
    ]);
  });

  it("relocks and stops watching the door when closed", async () => {
    await controller.unlock(60);
    await controller.close();
    expect(door.isLockReleased()).toBe(false);
    door.openDoor();
    door.pressExitButton();
    expect(events).toEqual([]);
    await expect(controller.unlock(5)).rejects.toThrow(/closed/);
  });
});
