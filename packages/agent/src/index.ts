export * from "./agent-log";
export * from "./clock";
export * from "./config";
export { type AgentKey, AgentKeyError, loadOrCreateAgentKey } from "./identity/agent-key";
export { formatKeyFingerprint } from "./identity/key-fingerprint";
export type { AgentLog } from "./log";
export type { NewAgentEvent, Outbox, OutboxEvent } from "./outbox/outbox";
export { openSqliteOutbox } from "./outbox/sqlite-outbox";
export { createUuidV7Generator } from "./outbox/uuid-v7";
export type { RoleDeps, RoleHandle } from "./role";
export type { Policy } from "./snapshot/policy";
export { openSnapshotStore, type PolicyUpdate, type SnapshotStore } from "./snapshot/snapshot-store";
export {
  type AgentHandle,
  AgentStartError,
  type StartAgentOptions,
  type StartedRole,
  startAgent,
} from "./start-agent";
export type { AgentAssignment, AgentCommand, ServerLink } from "./sync/server-link";
export { defaultLinkTiming, type LinkTiming, openWebSocketLink } from "./sync/websocket-link";
