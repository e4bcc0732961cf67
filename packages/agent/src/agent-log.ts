import type { AgentConfig } from "./config";
import type { AgentLog } from "./log";

type Level = "info" | "warn" | "error";

// pino's numbers, so the lines read like the server's.
const levelNumbers: Record<Level, number> = { info: 30, warn: 40, error: 50 };
const thresholds: Record<AgentConfig["logLevel"], number> = {
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  silent: Number.POSITIVE_INFINITY,
};

// Whatever a caller puts under these names never reaches the log.
const secretFields = new Set([
  "pin",
  "privatekey",
  "token",
  "sessiontoken",
  "password",
  "secret",
  "certificate",
]);

export interface AgentLogOptions {
  level: AgentConfig["logLevel"];
  write?: (line: string) => void;
  now?: () => Date;
}

function toLoggable(value: unknown, depth: number): unknown {
  if (value instanceof Error) return { type: value.name, message: value.message };
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => toLoggable(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = secretFields.has(key.toLowerCase()) ? "[redacted]" : toLoggable(item, depth + 1);
  }
  return result;
}

/** JSON lines on stderr, pino-shaped: {level, time, msg, ...fields}. */
export function createAgentLog({
  level,
  write = (line) => process.stderr.write(line),
  now = () => new Date(),
}: AgentLogOptions): AgentLog {
  const threshold = thresholds[level];
  function emit(lineLevel: Level, fields: Record<string, unknown>, message: string): void {
    if (levelNumbers[lineLevel] < threshold) return;
    const body = toLoggable(fields, 0);
    const line = {
      level: levelNumbers[lineLevel],
      time: now().toISOString(),
      ...(typeof body === "object" && body !== null ? body : {}),
      msg: message,
    };
    write(`${JSON.stringify(line)}\n`);
  }
  return {
    info: (fields, message) => emit("info", fields, message),
    warn: (fields, message) => emit("warn", fields, message),
    error: (fields, message) => emit("error", fields, message),
  };
}
