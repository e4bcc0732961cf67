/** The agent's log: pino-like levels, JSON lines on stderr. Never PINs, keys or whole certificates. */
export interface AgentLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
