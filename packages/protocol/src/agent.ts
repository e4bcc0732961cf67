import { z } from "zod";
import { instantSchema, readerKindSchema, signedSnapshotDeltaSchema, signedSnapshotSchema } from "./access";
import { accessEventInputSchema, maxEventsPerBatch } from "./access-events";
import { idSchema } from "./common";
import { jpkiCardSchema, staffCardSchema } from "./credentials";

/*
 * Reader agents: the program beside each door, attendance terminal (出退勤端末) and enrolment station.
 * Each makes its own Ed25519 key pair, asks to be registered, and once an administrator approves it
 * (comparing the fingerprint the agent prints) it holds one WebSocket to the server at
 * `/api/agent/socket`, where it proves the key on every connection.
 */

/** The WebSocket path agents connect to. */
export const agentSocketPath = "/api/agent/socket";

/** What an agent signs to prove its key: a domain tag, then the server's fresh nonce (base64). */
export const agentHelloTag = "tobira-agent-hello-v1\n";
/** What an agent signs when it registers: the tag, then its public key, role and name, one a line. */
export const agentRegistrationTag = "tobira-agent-registration-v1\n";

export function agentRegistrationMessage(input: { publicKey: string; role: string; name: string }): string {
  return `${agentRegistrationTag}${input.publicKey}\n${input.role}\n${input.name}`;
}

export const agentRoleSchema = readerKindSchema;
export type AgentRole = z.infer<typeof agentRoleSchema>;

export const agentStatusSchema = z.enum(["pending", "approved", "revoked"]);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** Bytes a padded base64 string decodes to (the schema has already checked it is base64). */
function base64Length(value: string): number {
  const padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/** An Ed25519 public key: the raw 32 bytes, base64. */
export const agentPublicKeySchema = z
  .base64("must be base64")
  .refine((value) => base64Length(value) === 32, "must be a 32-byte Ed25519 public key");

/** An Ed25519 signature: 64 bytes, base64. */
export const agentSignatureSchema = z
  .base64("must be base64")
  .refine((value) => base64Length(value) === 64, "must be a 64-byte Ed25519 signature");

const softwareVersionSchema = z
  .string()
  .trim()
  .min(1)
  .max(40, "must be at most 40 characters")
  .regex(/^[0-9A-Za-z.+-]+$/, "must be a version such as 0.1.0");

// ---- registration and administration (REST) --------------------------------------------------

export const agentRegistrationSchema = z.object({
  publicKey: agentPublicKeySchema,
  /** What the agent calls itself (its host name); the administrator sees it when approving. */
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  role: agentRoleSchema,
  softwareVersion: softwareVersionSchema,
  /** Signature over agentRegistrationMessage(): proves the agent holds the private key. */
  signature: agentSignatureSchema,
});
export type AgentRegistration = z.infer<typeof agentRegistrationSchema>;

export const agentRegistrationResultSchema = z.object({
  agentId: z.number().int(),
  status: agentStatusSchema,
  /** SHA-256 of the raw public key, hex in groups of four: what the administrator compares. */
  fingerprint: z.string(),
});
export type AgentRegistrationResult = z.infer<typeof agentRegistrationResultSchema>;

export const agentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: agentRoleSchema,
  status: agentStatusSchema,
  fingerprint: z.string(),
  readerId: z.number().int().nullable(),
  readerName: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  softwareVersion: z.string().nullable(),
  /** The snapshot version the agent last said it runs, and the server's current one. */
  snapshotVersion: z.number().int().nullable(),
  currentSnapshotVersion: z.number().int(),
  /** The agent's clock minus the server's, measured at its last connection (ms). */
  clockSkewMs: z.number().int().nullable(),
  clockSkewAlarm: z.boolean(),
  connected: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type AgentDto = z.infer<typeof agentSchema>;

export const agentListSchema = z.object({
  items: z.array(agentSchema),
  /** Skew beyond this raises an alarm (ms). */
  clockSkewLimitMs: z.number().int(),
});
export type AgentList = z.infer<typeof agentListSchema>;

export const approveAgentSchema = z.object({ readerId: idSchema });
export type ApproveAgentInput = z.infer<typeof approveAgentSchema>;

export const agentCommandKindSchema = z.enum(["momentary_unlock", "lockdown", "release_lockdown"]);
export type AgentCommandKind = z.infer<typeof agentCommandKindSchema>;

export const agentCommandInputSchema = z.object({
  command: agentCommandKindSchema,
  /** For momentary_unlock: how long the lock stays released; the door's own time when left out. */
  seconds: z
    .number()
    .int()
    .min(1, "must be at least 1 second")
    .max(60, "must be at most 60 seconds")
    .optional(),
});
export type AgentCommandInput = z.infer<typeof agentCommandInputSchema>;

export const agentCommandResultSchema = z.object({ ok: z.boolean(), message: z.string() });
export type AgentCommandResult = z.infer<typeof agentCommandResultSchema>;

export const enrolmentCardKindSchema = z.enum(["jpki", "staffCard"]);

/** The administrator asks a station to enrol the next card shown for a staff member. */
export const stationEnrolmentInputSchema = z.object({
  staffId: idSchema,
  kind: enrolmentCardKindSchema,
});
export type StationEnrolmentInput = z.infer<typeof stationEnrolmentInputSchema>;

export const stationEnrolmentStateSchema = z.enum(["waiting", "enrolled", "failed"]);

export const stationEnrolmentSchema = z.object({
  enrolmentId: z.string(),
  agentId: z.number().int(),
  staffId: z.number().int(),
  kind: enrolmentCardKindSchema,
  state: stationEnrolmentStateSchema,
  message: z.string().nullable(),
  credentialId: z.number().int().nullable(),
  expiresAt: z.string(),
});
export type StationEnrolment = z.infer<typeof stationEnrolmentSchema>;

export const enrolmentIdParamsSchema = z.object({ enrolmentId: z.string().uuid() });

// ---- the live door state agents report (monitor and the demo's virtual door panel) --------------

export const doorStateSchema = z.object({
  lock: z.enum(["locked", "released"]),
  contact: z.enum(["closed", "open"]),
  lockdown: z.boolean(),
  /** What the reader's screen or LED shows now, e.g. "granted", "denied: outside_schedule". */
  display: z.string().max(200),
});
export type DoorState = z.infer<typeof doorStateSchema>;

/** The door states the connected agents last reported, for the monitor and the agents screen. */
export const doorStateListSchema = z.object({
  items: z.array(
    z.object({
      readerId: z.number().int(),
      agentId: z.number().int(),
      state: doorStateSchema,
      at: z.string(),
    }),
  ),
});
export type DoorStateList = z.infer<typeof doorStateListSchema>;
export type DoorStateEntry = DoorStateList["items"][number];

// ---- the WebSocket: server → agent ------------------------------------------------------------

export const agentRefusalReasonSchema = z.enum([
  "unknown_agent",
  "pending",
  "revoked",
  "bad_signature",
  "bad_message",
]);
export type AgentRefusalReason = z.infer<typeof agentRefusalReasonSchema>;

export const serverMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("challenge"), nonce: z.string(), serverTime: instantSchema }),
  z.object({
    type: z.literal("welcome"),
    agentId: z.number().int(),
    readerId: z.number().int(),
    role: agentRoleSchema,
    doorId: z.number().int().nullable(),
    serverTime: instantSchema,
    clockSkewMs: z.number().int(),
    clockSkewLimitMs: z.number().int(),
    heartbeatSeconds: z.number().int(),
    /** The snapshot signing key, so the agent can pin it on its first connection. */
    snapshotKey: z.object({ publicKeyPem: z.string(), fingerprint: z.string() }),
  }),
  z.object({ type: z.literal("refused"), reason: agentRefusalReasonSchema, message: z.string() }),
  z.object({ type: z.literal("snapshot"), snapshot: signedSnapshotSchema }),
  z.object({ type: z.literal("delta"), delta: signedSnapshotDeltaSchema }),
  z.object({
    type: z.literal("events_ack"),
    batchId: z.string(),
    accepted: z.array(z.string()),
    duplicates: z.array(z.string()),
  }),
  z.object({ type: z.literal("events_refused"), batchId: z.string(), message: z.string() }),
  z.object({ type: z.literal("heartbeat_ack"), serverTime: instantSchema }),
  z.object({
    type: z.literal("command"),
    commandId: z.string(),
    command: agentCommandKindSchema,
    seconds: z.number().int().nullable(),
    /** A command arriving after this instant (by the agent's clock) is not executed. */
    expiresAt: instantSchema,
  }),
  z.object({
    type: z.literal("enrolment_request"),
    enrolmentId: z.string(),
    kind: enrolmentCardKindSchema,
    staffName: z.string(),
    challengeId: z.number().int(),
    challenge: z.string(),
    expiresAt: instantSchema,
  }),
  z.object({
    type: z.literal("enrolment_finished"),
    enrolmentId: z.string(),
    ok: z.boolean(),
    message: z.string(),
  }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

// ---- the WebSocket: agent → server ------------------------------------------------------------

export const agentMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hello"),
    publicKey: agentPublicKeySchema,
    /** Signature over agentHelloTag + the challenge's nonce. */
    signature: agentSignatureSchema,
    agentTime: instantSchema,
    snapshotVersion: z.number().int().nullable(),
    softwareVersion: softwareVersionSchema,
  }),
  z.object({ type: z.literal("snapshot_applied"), version: z.number().int() }),
  z.object({ type: z.literal("snapshot_refused"), version: z.number().int(), reason: z.string().max(200) }),
  z.object({
    type: z.literal("events"),
    batchId: z.string().min(1).max(100),
    events: z.array(accessEventInputSchema).min(1).max(maxEventsPerBatch),
  }),
  z.object({
    type: z.literal("heartbeat"),
    agentTime: instantSchema,
    snapshotVersion: z.number().int().nullable(),
    /** Events waiting in the agent's outbox. */
    outboxLength: z.number().int().min(0),
  }),
  z.object({ type: z.literal("door_state"), state: doorStateSchema }),
  z.object({
    type: z.literal("command_result"),
    commandId: z.string(),
    ok: z.boolean(),
    message: z.string().max(200),
  }),
  z.object({
    type: z.literal("enrolment_result"),
    enrolmentId: z.string(),
    result: z.discriminatedUnion("ok", [
      z.object({
        ok: z.literal(true),
        card: z.discriminatedUnion("kind", [jpkiCardSchema, staffCardSchema]),
      }),
      z.object({ ok: z.literal(false), message: z.string().max(200) }),
    ]),
  }),
]);
export type AgentMessage = z.infer<typeof agentMessageSchema>;

// ---- the demo's virtual door panel ------------------------------------------------------------

export const demoPanelSchema = z.object({
  readers: z.array(
    z.object({
      readerId: z.number().int(),
      readerName: z.string(),
      doorName: z.string().nullable(),
      role: agentRoleSchema,
      state: doorStateSchema.nullable(),
      /** What the reader asks of the person now, e.g. a PIN. */
      prompt: z.string().nullable(),
    }),
  ),
  cards: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      kind: z.enum(["jpki", "staffCard", "uid"]),
      holderName: z.string().nullable(),
    }),
  ),
});
export type DemoPanel = z.infer<typeof demoPanelSchema>;

export const demoTapSchema = z.object({
  readerId: idSchema,
  card: z.string().min(1).max(100),
  /** The PIN the person types on the reader's keypad, when the door asks for one. */
  pin: z
    .string()
    .regex(/^\d{4}$/, "must be 4 digits")
    .optional(),
});
export type DemoTap = z.infer<typeof demoTapSchema>;

export const demoTapResultSchema = z.object({
  granted: z.boolean(),
  reason: z.string(),
  message: z.string(),
  holderName: z.string().nullable(),
});
export type DemoTapResult = z.infer<typeof demoTapResultSchema>;
