import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DoorHardwareConfig } from "../config";
import { createDoorHardware } from "./create-door-hardware";
import { createRecordingLog } from "./recording-log";

const savedPath = process.env.PATH;
let dir: string | null = null;

afterEach(() => {
  process.env.PATH = savedPath;
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe("createDoorHardware", () => {
  it("gives a simulated door for the simulated driver", async () => {
    const door = createDoorHardware({ driver: "simulated" }, createRecordingLog());
    await door.setLockReleased(true);
    expect(door.readContact()).toBe("closed");
    await door.close();
  });

  it("refuses the GPIO driver with a clear message when libgpiod's tools are not installed", () => {
    dir = mkdtempSync(join(tmpdir(), "tobira-path-"));
    writeFileSync(join(dir, "gpioset"), "#!/bin/sh\n");
    chmodSync(join(dir, "gpioset"), 0o755);
    process.env.PATH = dir;
    const config: DoorHardwareConfig = {
      driver: "gpio",
      chip: "gpiochip0",
      lock: { line: 17, activeLow: false },
      contact: { line: 27, activeLow: false },
    };
    expect(() => createDoorHardware(config, createRecordingLog())).toThrow(
      /gpiomon was not found on PATH.*gpiod/,
    );
  });
});
