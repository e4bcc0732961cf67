import type { CardReaders } from "@tobira/card";
import type { Clock } from "./clock";
import type { AgentConfig } from "./config";
import type { DoorHardware } from "./door/door-hardware";
import type { KioskScreen } from "./kiosk/kiosk-screen";
import type { AgentLog } from "./log";
import type { Outbox } from "./outbox/outbox";
import type { PinEntry } from "./pin/pin-entry";
import type { Policy } from "./snapshot/policy";
import type { ServerLink } from "./sync/server-link";

/** Everything a role (door, attendance terminal, enrolment station) runs on, built by startAgent. */
export interface RoleDeps {
  config: AgentConfig;
  clock: Clock;
  log: AgentLog;
  outbox: Outbox;
  policy: Policy;
  link: ServerLink;
  readers: CardReaders;
  hardware: DoorHardware | null;
  pinEntry: PinEntry | null;
  kiosk: KioskScreen | null;
}

export interface RoleHandle {
  close(): Promise<void>;
}
