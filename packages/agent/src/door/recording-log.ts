import type { AgentLog } from "../log";

export interface LogEntry {
  level: "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message: string;
}

/** An AgentLog that keeps its entries in memory, for tests that check what was logged. */
export interface RecordingLog extends AgentLog {
  readonly entries: LogEntry[];
}

export function createRecordingLog(): RecordingLog {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (fields, message) => entries.push({ level: "info", fields, message }),
    warn: (fields, message) => entries.push({ level: "warn", fields, message }),
    error: (fields, message) => entries.push({ level: "error", fields, message }),
  };
}
