import type { CardReaders } from "@tobira/card";
import type { AgentConfig } from "../config";

/** Whether a reader is this agent's: the configured PC/SC name (a substring), else the first reader. */
export function isRoleReader(config: AgentConfig, readers: CardReaders, reader: string): boolean {
  if (config.reader.kind === "pcsc" && config.reader.name !== undefined)
    return reader.includes(config.reader.name);
  return readers.list()[0] === reader;
}

export function chooseRoleReader(config: AgentConfig, readers: CardReaders): string | null {
  return readers.list().find((reader) => isRoleReader(config, readers, reader)) ?? null;
}
