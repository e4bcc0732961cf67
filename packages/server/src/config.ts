import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";
import { readTrustAnchorFile } from "./credentials/trust-anchor-file";

const booleanText = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default("127.0.0.1"),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")
    .optional(),
  dataDir: z.string().min(1).default("./data"),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set when Tobira is served over HTTPS (it should be, outside a demo): cookies get `Secure`. */
  secureCookies: booleanText.default(false),
  /** Seed the demo town office when the database is empty. */
  demo: booleanText.default(false),
  webDir: z.string().optional(),
  sessionIdleMinutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  sessionMaxHours: z.coerce.number().int().min(1).max(72).default(12),
  lockoutThreshold: z.coerce.number().int().min(3).max(20).default(5),
  lockoutMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  loginAttemptsPerAddress: z.coerce.number().int().min(5).max(1000).default(30),
  /** A reader agent whose clock is further than this from the server's raises a clock_skew alarm (ms). */
  agentClockSkewLimitMs: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** Agent registrations accepted from one address per hour: a brake on flooding the approval list. */
  agentRegistrationsPerAddress: z.coerce.number().int().min(1).max(100_000).default(30),
  /**
   * A PEM file of the J-LIS user-authentication CA certificates (both live generations), read once at
   * start. Without it My Number Cards cannot be enrolled.
   */
  jpkiTrustAnchors: z
    .string()
    .min(1)
    .optional()
    .transform((path, context) => {
      if (path === undefined) return undefined;
      try {
        return readTrustAnchorFile(path);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  /**
   * Where notification e-mails go out: smtp://user:pass@host:port (STARTTLS when offered) or smtps://…
   * (TLS from the start). Without it (and TOBIRA_MAIL_FROM) no e-mail is queued. Never logged: it
   * holds the password.
   */
  smtpUrl: z
    .string()
    .optional()
    .refine((url) => url === undefined || isSmtpUrl(url), "must be smtp://user:pass@host:port or smtps://…"),
  /** The From of notification e-mails: `tobira@town.example.jp` or `扉 <tobira@town.example.jp>`. */
  mailFrom: z
    .string()
    .trim()
    .max(200)
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, "must be an e-mail address")
    .optional(),
  /**
   * The reverse proxies or load balancers in front, as addresses or CIDRs ("10.0.0.5,10.1.0.0/16").
   * Only a request from one of them has its client address taken from X-Forwarded-For; unset, nothing
   * is trusted and the address is the connection's.
   */
  trustProxy: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return undefined;
      const entries = text.split(",").map((entry) => entry.trim());
      const problems = entries.flatMap((entry) => proxyEntryProblem(entry) ?? []);
      for (const message of problems) context.addIssue({ code: "custom", message });
      return problems.length > 0 ? z.NEVER : Object.freeze(entries);
    }),
  /** When the morning digest of yesterday's missing punches goes out, HH:MM in Asia/Tokyo. */
  digestTime: z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "must be a time of day written HH:MM (00:00–23:59)")
    .default("07:30"),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

const envNames: Record<keyof z.infer<typeof configSchema>, string> = {
  port: "TOBIRA_PORT",
  host: "TOBIRA_HOST",
  databaseUrl: "TOBIRA_DATABASE_URL",
  dataDir: "TOBIRA_DATA_DIR",
  logLevel: "TOBIRA_LOG_LEVEL",
  secureCookies: "TOBIRA_SECURE_COOKIES",
  demo: "TOBIRA_DEMO",
  webDir: "TOBIRA_WEB_DIR",
  sessionIdleMinutes: "TOBIRA_SESSION_IDLE_MINUTES",
  sessionMaxHours: "TOBIRA_SESSION_MAX_HOURS",
  lockoutThreshold: "TOBIRA_LOCKOUT_THRESHOLD",
  lockoutMinutes: "TOBIRA_LOCKOUT_MINUTES",
  loginAttemptsPerAddress: "TOBIRA_LOGIN_ATTEMPTS_PER_ADDRESS",
  agentClockSkewLimitMs: "TOBIRA_AGENT_CLOCK_SKEW_LIMIT_MS",
  agentRegistrationsPerAddress: "TOBIRA_AGENT_REGISTRATIONS_PER_ADDRESS",
  jpkiTrustAnchors: "TOBIRA_JPKI_TRUST_ANCHORS",
  smtpUrl: "TOBIRA_SMTP_URL",
  mailFrom: "TOBIRA_MAIL_FROM",
  digestTime: "TOBIRA_DIGEST_TIME",
  trustProxy: "TOBIRA_TRUST_PROXY",
};

export class ConfigError extends Error {}

/**
 * Reads the configuration once: a JSON file named by TOBIRA_CONFIG (keys as in the schema), then
 * TOBIRA_* environment variables on top. Fails with every problem named by its variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = env.TOBIRA_CONFIG ? readConfigFile(env.TOBIRA_CONFIG) : {};
  const fromEnv: Record<string, string> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== "") fromEnv[key] = value;
  }
  const merged: Record<string, unknown> = { ...fromFile, ...fromEnv };
  const parsed = configSchema.safeParse(merged);
  const lines = [
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => {
      const key = String(issue.path[0] ?? "");
      const name = key in envNames ? envNames[key as keyof typeof envNames] : key;
      return `  ${name}: ${issue.message}`;
    }),
    ...checkMailSettings(merged),
  ];
  if (!parsed.success || lines.length > 0)
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  return Object.freeze(parsed.data);
}

/** What is wrong with one TOBIRA_TRUST_PROXY entry, or null for an address or CIDR. */
function proxyEntryProblem(entry: string): string | null {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  const notAnAddress = `"${entry}" is not an IP address or CIDR (write e.g. 10.0.0.5,10.1.0.0/16)`;
  if (version === 0 || rest.length > 0) return notAnAddress;
  if (prefix === undefined) return null;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (version === 4 ? 32 : 128)) return notAnAddress;
  return Number(prefix) === 0 ? `"${entry}" would trust every address; list the proxies themselves` : null;
}

function isSmtpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
  } catch {
    return false;
  }
}

// Mail goes out only with both set; one without the other is a half-done setup, not a choice.
function checkMailSettings(settings: Record<string, unknown>): string[] {
  const hasUrl = settings.smtpUrl !== undefined;
  const hasFrom = settings.mailFrom !== undefined;
  if (hasUrl && !hasFrom) return [`  ${envNames.mailFrom}: must be set when ${envNames.smtpUrl} is`];
  if (hasFrom && !hasUrl) return [`  ${envNames.smtpUrl}: must be set when ${envNames.mailFrom} is`];
  return [];
}

/** Whether notification e-mails are sent: both TOBIRA_SMTP_URL and TOBIRA_MAIL_FROM are set. */
export function isMailConfigured(config: Config): config is Config & { smtpUrl: string; mailFrom: string } {
  return config.smtpUrl !== undefined && config.mailFrom !== undefined;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(resolve(path), "utf8");
  } catch {
    throw new ConfigError(`Invalid configuration:\n  TOBIRA_CONFIG: cannot read ${path}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]),
    );
  } catch {
    throw new ConfigError(`Invalid configuration:\n  TOBIRA_CONFIG: ${path} is not a JSON object`);
  }
}

export function sqlitePathOf(config: Config): string {
  return resolve(config.dataDir, "tobira.db");
}
