import type { AgentCommandKind, AgentMessage, AgentRole, ServerMessage } from "@tobira/protocol";

/** Who the server says this agent is; kept on disk so the agent can decide offline after a restart. */
export interface AgentAssignment {
  agentId: number;
  readerId: number;
  doorId: number | null;
  role: AgentRole;
}

export interface AgentCommand {
  commandId: string;
  command: AgentCommandKind;
  seconds: number | null;
}

/**
 * The agent's one WebSocket to the server: proves the key, keeps the policy current, delivers the
 * outbox, reports heartbeats, and reconnects with backoff and jitter. Nothing is queued for replay:
 * `send` while offline returns false.
 */
export interface ServerLink {
  send(message: AgentMessage): boolean;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Runs a live command; the link answers command_result and refuses commands that arrive expired. */
  onCommand(handler: (command: AgentCommand) => Promise<{ ok: boolean; message: string }>): () => void;
  isConnected(): boolean;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /** The last assignment the server gave (persisted), or null before the first approval. */
  assignment(): AgentAssignment | null;
  /** Asks the link to deliver the outbox now (called right after an event is appended). */
  flush(): void;
  close(): Promise<void>;
}
