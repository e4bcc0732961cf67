import type { ApduResponder } from "@tobira/card";
import { createVirtualCard, loadCard } from "@tobira/card/virtual";
import { agentConfigSchema } from "../src/config";
import type { DemoCard } from "../src/demo/demo-cards";
import { createSimulatedDoor } from "../src/door/simulated-door";
import type { TapOutcome } from "../src/door-role";
import { createScriptedPinEntry } from "../src/pin/scripted-pin-entry";
import { type AgentHandle, startAgent } from "../src/start-agent";
import { quietReaders } from "../src/tap/quiet-readers";
import { createVirtualReaders } from "../src/tap/virtual-readers";
import { tappedCards } from "./town-policy";

// Nothing listens on the discard port: the agent decides offline from the snapshot on disk.
const unreachableServer = "http://127.0.0.1:9";
const readerName = "Bench reader";

export interface OfflineDoorAgent {
  handle: AgentHandle;
  /** Puts the card on the reader, handles the tap (typing `pin` if asked), and takes the card off. */
  tap(card: ApduResponder, pin: string | null): Promise<TapOutcome>;
  close(): Promise<void>;
}

/** A whole door agent (SQLite outbox, snapshot store, link, simulated door) on a data dir made beforehand. */
export async function startOfflineDoorAgent(dataDir: string): Promise<OfflineDoorAgent> {
  const readers = createVirtualReaders([readerName]);
  const pinEntry = createScriptedPinEntry();
  const config = agentConfigSchema.parse({
    server: unreachableServer,
    role: "door",
    name: "bench door",
    dataDir,
    reader: { kind: "virtual" },
    logLevel: "silent",
  });
  const handle = await startAgent(config, {
    readers: quietReaders(readers),
    hardware: createSimulatedDoor(),
    pinEntry,
    kiosk: null,
  });
  const { role } = handle;
  if (role.kind !== "door") throw new Error("the bench agent did not start as a door");
  if (handle.policy.current() === null) throw new Error("the bench agent did not load its snapshot");
  return {
    handle,
    async tap(card, pin) {
      // A PIN kept before the tap answers the prompt the moment it opens.
      if (pin !== null) pinEntry.supply(pin);
      readers.insert(readerName, card);
      try {
        return await role.handle.handleTap();
      } finally {
        readers.remove(readerName);
      }
    },
    async close() {
      await handle.close();
      await readers.close();
    },
  };
}

export interface TappedCard {
  label: string;
  card: ApduResponder;
  /** Typed at the PIN prompt: the card's own PIN where the door wants card + PIN, else none. */
  pin: string | null;
}

/**
 * The benchmark's demo cards as in-process virtual cards held in memory only, each put on the reader
 * for every tap: the demo's file-backed card would write its file at each PIN, which no real card costs.
 */
export async function openTappedCards(cards: readonly DemoCard[]): Promise<TappedCard[]> {
  return Promise.all(
    tappedCards.map(async (tapped) => {
      const card = cards.find((candidate) => candidate.name === tapped.name);
      if (card === undefined) throw new Error(`no demo card ${tapped.name}`);
      return {
        label: tapped.label,
        card: createVirtualCard(await loadCard(card.file)),
        pin: tapped.assurance === "cardPin" ? card.pin : null,
      };
    }),
  );
}
