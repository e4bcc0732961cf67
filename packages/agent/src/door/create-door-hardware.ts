import type { DoorHardwareConfig } from "../config";
import type { AgentLog } from "../log";
import type { DoorHardware } from "./door-hardware";
import { createGpioDoor } from "./gpio-door";
import { createSimulatedDoor } from "./simulated-door";

/** The door driver the configuration names; GPIO fails fast when libgpiod's tools are missing. */
export function createDoorHardware(config: DoorHardwareConfig, log: AgentLog): DoorHardware {
  switch (config.driver) {
    case "simulated":
      return createSimulatedDoor();
    case "gpio":
      return createGpioDoor(config, log);
  }
}
