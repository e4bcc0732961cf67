import type { SnapshotIndex } from "@tobira/core";

/** The access policy the agent decides from: the last snapshot whose signature verified. */
export interface Policy {
  /** Null until a first verified snapshot has been received (or loaded from disk). */
  current(): { version: number; index: SnapshotIndex } | null;
  onChange(listener: (version: number) => void): () => void;
}
