import {
  type ApduResponder,
  type CardConnection,
  type CardReaders,
  connectInProcess,
  type ReaderEvent,
  TransportError,
} from "@tobira/card";

/** Readers with no hardware behind them: the demo and benchmarks put virtual cards on them. */
export interface VirtualReaders extends CardReaders {
  /** Puts a card on the reader (taking off the one already there). */
  insert(reader: string, card: ApduResponder): void;
  /** Takes the card off; open connections fail from their next transmit. */
  remove(reader: string): void;
}

interface ReaderSlot {
  card: ApduResponder | null;
  connections: Set<ReturnType<typeof connectInProcess>>;
}

export function createVirtualReaders(names: string[]): VirtualReaders {
  const slots = new Map<string, ReaderSlot>(
    names.map((name) => [name, { card: null, connections: new Set() }]),
  );
  const listeners = new Set<(event: ReaderEvent) => void>();
  let closed = false;

  function emit(event: ReaderEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function requireSlot(reader: string): ReaderSlot {
    const slot = slots.get(reader);
    if (slot === undefined) throw new TransportError(`no reader named "${reader}"`);
    return slot;
  }

  function takeOut(reader: string, slot: ReaderSlot): void {
    if (slot.card === null) return;
    slot.card = null;
    for (const connection of slot.connections) connection.remove();
    slot.connections.clear();
    emit({ type: "card-removed", reader });
  }

  return {
    list: () => [...slots.keys()],
    async connect(reader): Promise<CardConnection> {
      const slot = requireSlot(reader);
      if (closed || slot.card === null) throw new TransportError(`no card on ${reader}`);
      const connection = connectInProcess(slot.card, reader);
      slot.connections.add(connection);
      return connection;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    insert(reader, card) {
      const slot = requireSlot(reader);
      takeOut(reader, slot);
      slot.card = card;
      emit({ type: "card-inserted", reader, atr: card.atr });
    },
    remove(reader) {
      takeOut(reader, requireSlot(reader));
    },
    async close() {
      closed = true;
      for (const [reader, slot] of slots) takeOut(reader, slot);
      listeners.clear();
    },
  };
}
