import { parseArgs } from "node:util";
import { type ChainHead, chainHeadSchema, roleSchema } from "@tobira/protocol";
import { verifyAccessEventChain } from "./access-events/access-event-chain";
import { verifyAuditLog } from "./audit/audit-repository";
import { createAdministrator } from "./auth/create-administrator";
import { systemClock } from "./clock";
import { ConfigError, loadConfig, sqlitePathOf } from "./config";
import { openStore } from "./db/database";
import type { ChainVerification, ChainVerifyOptions } from "./db/hash-chain";
import { migrateToLatest } from "./db/migrate";
import type { Executor } from "./db/transaction";
import { startServer } from "./main";

const usage = `使い方 / usage: tobira <command>

  serve [--demo]                         start the server (and web app); --demo seeds a demo town office into an empty database
  db migrate                             bring the database schema up to date
  admin create --login ID [--roles R,…]  create an administrator account (default roles: sysadmin,hr); prints a one-time password
  audit verify [--head SEQ:HASH]         check the audit log's hash chain and print its head; exits 1 at the first
                                         broken link, or when the chain no longer holds the head noted earlier
  access verify [--head SEQ:HASH]        the same for the access-event log (入退室記録)
  card …                                 card readers and cards: readers, info, watch, virtual (see tobira card help)
  agent --config FILE                    run the reader agent beside a door, attendance terminal or enrolment desk

Configuration comes from TOBIRA_* environment variables (see README), e.g. TOBIRA_DATABASE_URL for PostgreSQL.`;

async function run(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === "serve") return serve([sub, ...rest].filter((a): a is string => a !== undefined));
  if (command === "db" && sub === "migrate")
    return withStore(async (store) => {
      const applied = await migrateToLatest(store.db);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
      return 0;
    });
  if (command === "admin" && sub === "create") return adminCreate(rest);
  if (command === "card") {
    // Loaded only here: the PC/SC binding is optional and a server-only install may lack it.
    const { runCardCommand } = await import("@tobira/card/cli");
    return runCardCommand([sub, ...rest].filter((a): a is string => a !== undefined));
  }
  if (command === "agent") {
    // The reader agent runs beside a door, not on the server; it is loaded only when asked for.
    const { runAgentCli } = await import("@tobira/agent/cli");
    return runAgentCli([sub, ...rest].filter((a): a is string => a !== undefined));
  }
  if (command === "audit" && sub === "verify") return verifyChain(chains.audit, rest);
  if (command === "access" && sub === "verify") return verifyChain(chains.access, rest);
  console.error(usage);
  return command === undefined || command === "help" || command === "--help" ? 0 : 2;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: "boolean", default: false } } });
  const config = loadConfig(values.demo ? { ...process.env, TOBIRA_DEMO: "true" } : process.env);
  const server = await startServer(config);
  console.log(`扉 Tobira: ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise<number>(() => {});
}

interface HashChainCommand {
  name: string;
  command: string;
  verify(db: Executor, options: ChainVerifyOptions): Promise<ChainVerification>;
}

const chains = {
  audit: { name: "audit log", command: "audit verify", verify: verifyAuditLog },
  access: { name: "access-event log", command: "access verify", verify: verifyAccessEventChain },
} satisfies Record<string, HashChainCommand>;

async function verifyChain(chain: HashChainCommand, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { head: { type: "string" } } });
  const expectedHead = values.head === undefined ? undefined : parseHead(values.head);
  if (expectedHead === null) {
    console.error(
      `--head must be SEQ:HASH as printed by ${chain.command}, e.g. --head 1200:9f86d0…(64 hex digits)`,
    );
    return 2;
  }
  return withStore(async (store) => {
    const result = await chain.verify(store.db, { expectedHead });
    if (!result.ok) {
      console.error(`${chain.name} BROKEN at entry ${result.brokenAt}: ${result.message}`);
      return 1;
    }
    console.log(`${chain.name} intact: ${result.count} entries`);
    // Noted outside the database, the head lets a later run with --head notice a cut-off end.
    if (result.head) console.log(`head: ${result.head.seq}:${result.head.hash}`);
    if (expectedHead) console.log(`the expected head ${expectedHead.seq} is still in the chain`);
    return 0;
  });
}

function parseHead(text: string): ChainHead | null {
  const match = /^(\d+):([0-9a-fA-F]+)$/.exec(text.trim());
  if (!match) return null;
  const parsed = chainHeadSchema.safeParse({ seq: Number(match[1]), hash: match[2]?.toLowerCase() });
  return parsed.success ? parsed.data : null;
}

async function adminCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { login: { type: "string" }, roles: { type: "string", default: "sysadmin,hr" } },
  });
  if (!values.login) {
    console.error("admin create needs --login ID (the sign-in id of the new administrator)");
    return 2;
  }
  const roles = values.roles.split(",").map((r) => roleSchema.safeParse(r.trim()));
  const bad = roles.find((r) => !r.success);
  if (bad || roles.length === 0) {
    console.error(`--roles must be a comma-separated list of: ${roleSchema.options.join(", ")}`);
    return 2;
  }
  const loginId = values.login;
  return withStore(async (store) => {
    await migrateToLatest(store.db);
    const password = await createAdministrator(
      { db: store.db, clock: systemClock },
      loginId,
      roles.flatMap((r) => (r.success ? [r.data] : [])),
    );
    console.log(`created ${loginId}. One-time password (must be changed at first sign-in): ${password}`);
    return 0;
  });
}

async function withStore(action: (store: ReturnType<typeof openStore>) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const store = openStore({ url: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
  try {
    return await action(store);
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
