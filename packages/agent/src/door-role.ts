import { performance } from "node:perf_hooks";
import { createDoorController, type DoorController, type DoorTimes } from "./door/door-controller";
import { createPassageMemory } from "./door-passage-memory";
import { type DoorTapDecision, decideDoorTap } from "./door-tap";
import type { RoleDeps, RoleHandle } from "./role";
import type { AgentCommand } from "./sync/server-link";
import { pinPrompt } from "./tap/prove-pin";
import { describeOutcome } from "./tap/refusal-messages";
import { watchTaps } from "./tap/watch-taps";

export interface TapOutcome {
  granted: boolean;
  reason: string;
  message: string;
  holderId: string | null;
  credentialKey: string | null;
  /** The outbox event recording the decision. */
  eventId: string;
  /** From the card's arrival to the decision being on disk. */
  decidedInMs: number;
}

export interface DoorRole extends RoleHandle {
  /** Handles the card on `reader` (this agent's reader by default); taps run one at a time. */
  handleTap(reader?: string): Promise<TapOutcome>;
  readonly controller: DoorController;
}

/** Until the first snapshot names the door's own times. */
const fallbackTimes: DoorTimes = { unlockSeconds: 5, heldOpenSeconds: 30 };

/**
 * The door: each card on the reader is decided from the snapshot, recorded in the outbox before the lock
 * moves, and shown to the person; live commands and the door's own events (forced, held, exit button)
 * go through the same controller.
 */
export function startDoorRole(deps: RoleDeps): DoorRole {
  const { clock, outbox, policy, link, readers, hardware } = deps;
  if (hardware === null) throw new Error("a door agent needs door hardware (config.door)");

  function findDoor() {
    const current = policy.current();
    const doorId = link.assignment()?.doorId ?? null;
    if (current === null || doorId === null) return null;
    return { index: current.index, doorId: String(doorId), door: current.index.doors.get(String(doorId)) };
  }

  function readDoorTimes(): DoorTimes {
    const door = findDoor()?.door;
    if (door === undefined) return fallbackTimes;
    return { unlockSeconds: door.unlockSeconds, heldOpenSeconds: door.heldOpenSeconds };
  }

  const controller = createDoorController({
    hardware,
    clock,
    log: deps.log,
    times: readDoorTimes,
    record(event) {
      outbox.append({ occurredAt: event.occurredAt, kind: event.kind });
      link.flush();
    },
  });
  const memory = createPassageMemory();

  function sendDoorState(): void {
    link.send({ type: "door_state", state: controller.state() });
  }

  function recordDecision(decision: DoorTapDecision): string {
    const stored = outbox.append({
      occurredAt: decision.at.toISOString(),
      kind: "decision",
      granted: decision.granted,
      reason: decision.reason,
      ...(decision.credentialKey === null ? {} : { credentialKey: decision.credentialKey }),
      ...(decision.holderId === null ? {} : { holderId: decision.holderId }),
      ...(decision.assurance === null ? {} : { assurance: decision.assurance }),
    });
    link.flush();
    return stored.eventId;
  }

  async function runTap(reader: string | null): Promise<TapOutcome> {
    const started = performance.now();
    const decided = await decideDoorTap(
      {
        clock,
        readers,
        pinEntry: deps.pinEntry,
        memory,
        findDoor,
        askForPin: () => controller.show("pin", pinPrompt),
      },
      reader,
    );
    // A lockdown commanded by the server holds even where the snapshot would open the door.
    const decision: DoorTapDecision =
      decided.granted && controller.state().lockdown
        ? { ...decided, granted: false, reason: "lockdown", detail: "the door is in lockdown by command" }
        : decided;
    // The decision is on disk before the lock moves, so no opening goes unrecorded.
    const eventId = recordDecision(decision);
    const decidedInMs = performance.now() - started;
    const display = describeOutcome(decision.reason);
    if (decision.granted) {
      await controller.unlock(readDoorTimes().unlockSeconds);
      controller.show("granted", display);
    } else {
      controller.show("denied", display);
    }
    const { granted, reason, holderId, credentialKey } = decision;
    const message = granted ? display : `${display} (${decision.detail})`;
    return { granted, reason, message, holderId, credentialKey, eventId, decidedInMs };
  }

  const taps = watchTaps(deps, runTap, () =>
    controller.show("error", "エラーが発生しました / Something went wrong"),
  );

  async function runCommand(command: AgentCommand): Promise<{ ok: boolean; message: string }> {
    if (command.command === "lockdown") {
      await controller.setLockdown(true);
      return { ok: true, message: "lockdown on: the door stays locked for every card" };
    }
    if (command.command === "release_lockdown") {
      await controller.setLockdown(false);
      return { ok: true, message: "lockdown released" };
    }
    if (controller.state().lockdown)
      return { ok: false, message: "the door is in lockdown: release it first" };
    const seconds = command.seconds ?? readDoorTimes().unlockSeconds;
    await controller.unlock(seconds);
    return { ok: true, message: `unlocked for ${seconds} s` };
  }

  const stopCommands = link.onCommand(runCommand);
  const stopState = controller.onStateChange(sendDoorState);
  const stopConnection = link.onConnectionChange((connected) => {
    if (connected) sendDoorState();
  });
  sendDoorState();

  return {
    controller,
    handleTap: taps.handleTap,
    async close() {
      stopCommands();
      stopState();
      stopConnection();
      await taps.close();
      await controller.close();
    },
  };
}
