/**
 * The door's wiring as the agent sees it: a lock relay it drives, a door contact and an exit button it
 * watches, and something to tell the person what happened. Drivers: simulated (demo, tests) and Linux
 * GPIO through libgpiod.
 */
export type ContactState = "closed" | "open";

export type Feedback = "granted" | "denied" | "pin" | "error" | "idle";

export interface DoorHardware {
  /** Releases (true) or locks (false) the door. Resolves once the relay has been driven. */
  setLockReleased(released: boolean): Promise<void>;
  /** The contact as last read. */
  readContact(): ContactState;
  onContactChange(listener: (state: ContactState) => void): () => void;
  onExitButton(listener: () => void): () => void;
  /** LED / buzzer; a screen shows the message too. */
  signal(feedback: Feedback, message: string): void;
  close(): Promise<void>;
}
