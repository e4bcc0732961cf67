import type { ContactState, DoorHardware, Feedback } from "./door-hardware";
import { createListenerSet } from "./listener-set";

export interface DoorSignal {
  feedback: Feedback;
  message: string;
}

/** An in-memory door for the demo and tests, with the hands that open it and press its button. */
export interface SimulatedDoor extends DoorHardware {
  openDoor(): void;
  closeDoor(): void;
  pressExitButton(): void;
  isLockReleased(): boolean;
  lastSignal(): DoorSignal | null;
}

export function createSimulatedDoor(): SimulatedDoor {
  let released = false;
  let contact: ContactState = "closed";
  let signal: DoorSignal | null = null;
  const contactListeners = createListenerSet<ContactState>();
  const exitListeners = createListenerSet<void>();

  function changeContact(next: ContactState): void {
    if (contact === next) return;
    contact = next;
    contactListeners.emit(next);
  }

  return {
    async setLockReleased(next) {
      released = next;
    },
    readContact: () => contact,
    onContactChange: (listener) => contactListeners.add(listener),
    onExitButton: (listener) => exitListeners.add(() => listener()),
    signal(feedback, message) {
      signal = { feedback, message };
    },
    async close() {
      contactListeners.clear();
      exitListeners.clear();
    },
    openDoor: () => changeContact("open"),
    closeDoor: () => changeContact("closed"),
    pressExitButton: () => exitListeners.emit(undefined),
    isLockReleased: () => released,
    lastSignal: () => signal,
  };
}
