import type { CardReaders } from "@tobira/card";
import type { VirtualReaders } from "./virtual-readers";

/**
 * Virtual readers whose cards reach a role only through an explicit `handleTap()`: the program that
 * puts the card down (the demo panel, a benchmark) gets that tap's outcome, and no card is read twice.
 */
export function quietReaders(readers: VirtualReaders): CardReaders {
  return {
    list: () => readers.list(),
    connect: (name) => readers.connect(name),
    onEvent: () => () => {},
    close: () => readers.close(),
  };
}
