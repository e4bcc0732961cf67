import { describe, expect, it } from "vitest";
import { createSimulatedDoor } from "./simulated-door";

describe("createSimulatedDoor", () => {
  it("starts closed, locked and silent", () => {
    const door = createSimulatedDoor();
    expect(door.readContact()).toBe("closed");
    expect(door.isLockReleased()).toBe(false);
    expect(door.lastSignal()).toBeNull();
  });

  it("drives the lock and remembers the last signal", async () => {
    const door = createSimulatedDoor();
    await door.setLockReleased(true);
    expect(door.isLockReleased()).toBe(true);
    door.signal("granted", "どうぞ / granted");
    door.signal("idle", "");
    expect(door.lastSignal()).toEqual({ feedback: "idle", message: "" });
  });

  it("tells contact listeners of each change, synchronously and only on change", () => {
    const door = createSimulatedDoor();
    const seen: string[] = [];
    const stop = door.onContactChange((state) => seen.push(state));
    door.openDoor();
    door.openDoor();
    expect(seen).toEqual(["open"]);
    door.closeDoor();
    stop();
    door.openDoor();
    expect(seen).toEqual(["open", "closed"]);
    expect(door.readContact()).toBe("open");
  });

  it("tells exit button listeners of each press until closed", async () => {
    const door = createSimulatedDoor();
    let presses = 0;
    door.onExitButton(() => {
      presses += 1;
    });
    door.pressExitButton();
    door.pressExitButton();
    await door.close();
    door.pressExitButton();
    expect(presses).toBe(2);
  });
});
