import type { CardReaders } from "@tobira/card";
import type { AgentConfig } from "../config";
import type { AgentLog } from "../log";
import { chooseRoleReader, isRoleReader } from "./choose-reader";

export interface TapRunner<T> {
  /** Handles the card on `reader` (the role's reader by default), after any tap already running. */
  handleTap(reader?: string): Promise<T>;
  /** Stops watching the reader and waits for the tap in hand. */
  close(): Promise<void>;
}

/**
 * Runs `run` for each card put on the role's reader, one tap at a time: a card that arrives while one
 * is being handled is ignored, so a card left lying on the reader is not read twice over.
 */
export function watchTaps<T>(
  deps: { config: AgentConfig; readers: CardReaders; log: AgentLog },
  run: (reader: string | null) => Promise<T>,
  onFailure: () => void,
): TapRunner<T> {
  const { config, readers, log } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  let busy = false;

  function handleTap(reader?: string): Promise<T> {
    const next = queue.then(async () => {
      busy = true;
      try {
        return await run(reader ?? chooseRoleReader(config, readers));
      } finally {
        busy = false;
      }
    });
    queue = next.catch(() => undefined);
    return next;
  }

  const stop = readers.onEvent((event) => {
    if (event.type !== "card-inserted" || busy || !isRoleReader(config, readers, event.reader)) return;
    handleTap(event.reader).catch((error: unknown) => {
      log.error({ category: "agent", err: error }, "a tap could not be handled");
      onFailure();
    });
  });

  return {
    handleTap,
    async close() {
      stop();
      await queue;
    },
  };
}
