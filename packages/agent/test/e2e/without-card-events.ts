import type { CardReaders } from "@tobira/card";

/**
 * The readers without their card events, so the door role taps only when the test calls handleTap()
 * and the test gets each tap's outcome; the demo's readers work the same way.
 */
export function withoutCardEvents(readers: CardReaders): CardReaders {
  return {
    list: () => readers.list(),
    connect: (name) => readers.connect(name),
    onEvent: () => () => {},
    close: () => readers.close(),
  };
}
