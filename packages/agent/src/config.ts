import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { agentRoleSchema } from "@tobira/protocol";
import { z } from "zod";

/** A GPIO line by its offset on a chip; activeLow when the signal is true at 0 V. */
const gpioLineSchema = z.object({
  line: z.number().int().min(0).max(1023),
  activeLow: z.boolean().default(false),
});

export const doorHardwareConfigSchema = z.discriminatedUnion("driver", [
  z.object({ driver: z.literal("simulated") }),
  z.object({
    driver: z.literal("gpio"),
    /** The gpiochip, e.g. "gpiochip0" or "/dev/gpiochip0". */
    chip: z.string().min(1),
    lock: gpioLineSchema,
    contact: gpioLineSchema,
    exitButton: gpioLineSchema.optional(),
    /** An LED or buzzer line driven on for a grant, off otherwise (optional). */
    indicator: gpioLineSchema.optional(),
  }),
]);
export type DoorHardwareConfig = z.infer<typeof doorHardwareConfigSchema>;

export const cardReaderConfigSchema = z.discriminatedUnion("kind", [
  /** A PC/SC reader through pcscd; `name` picks one when several are attached (substring match). */
  z.object({ kind: z.literal("pcsc"), name: z.string().min(1).optional() }),
  /** Virtual cards put in by the program itself (the demo and benchmarks). */
  z.object({ kind: z.literal("virtual") }),
]);
export type CardReaderConfig = z.infer<typeof cardReaderConfigSchema>;

export const pinEntryConfigSchema = z.discriminatedUnion("kind", [
  /** A USB/GPIO keypad as a Linux input device (/dev/input/eventN). */
  z.object({ kind: z.literal("keypad"), device: z.string().min(1) }),
  /** The terminal's own screen (the kiosk page). */
  z.object({ kind: z.literal("screen") }),
  /** No PIN entry at this reader: card + PIN doors refuse with pin_required. */
  z.object({ kind: z.literal("none") }),
]);
export type PinEntryConfig = z.infer<typeof pinEntryConfigSchema>;

export const agentConfigSchema = z.object({
  /** The server's base URL, e.g. https://tobira.town.example.lg.jp */
  server: z.url({ protocol: /^https?$/, error: "must be an http(s) URL of the Tobira server" }),
  /** What this agent asks to be registered as; the administrator assigns the reader. */
  role: agentRoleSchema,
  /** Shown to the administrator at approval (defaults to the host name). */
  name: z.string().trim().min(1).max(100).optional(),
  /** Key pair, outbox and last good snapshot live here. */
  dataDir: z.string().min(1),
  reader: cardReaderConfigSchema.default({ kind: "pcsc" }),
  door: doorHardwareConfigSchema.default({ driver: "simulated" }),
  pinEntry: pinEntryConfigSchema.default({ kind: "none" }),
  /** The local full-screen page for attendance terminals and enrolment stations. */
  kiosk: z
    .object({
      port: z.number().int().min(0).max(65535).default(8090),
      host: z.string().default("127.0.0.1"),
    })
    .optional(),
  /** Pin the server's snapshot key: SHA-256 of its SPKI DER, hex (shown on the server's agents page). */
  snapshotKeyFingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits")
    .optional(),
  /** How long a punch can be switched 出勤 ↔ 退勤 on the terminal after the tap. */
  punchChangeSeconds: z.number().int().min(0).max(30).default(5),
  /** A second tap of the same card within this many seconds is the same punch. */
  doubleTapSeconds: z.number().int().min(0).max(600).default(60),
  logLevel: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});
export type AgentConfig = z.infer<typeof agentConfigSchema>;

export class AgentConfigError extends Error {
  override name = "AgentConfigError";
}

/** Reads and validates a JSON config file, naming every wrong field; relative paths follow the file. */
export function loadAgentConfig(file: string): AgentConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new AgentConfigError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = agentConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`,
    );
    throw new AgentConfigError(`${file} is not a valid agent configuration:\n${lines.join("\n")}`);
  }
  return Object.freeze({ ...parsed.data, dataDir: resolve(dirname(file), parsed.data.dataDir) });
}
