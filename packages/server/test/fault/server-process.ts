import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("./fault-server-process.ts", import.meta.url));
// Inside the server package's node_modules, so the bundle's bare imports resolve as the sources' do.
// One file per test module, as test files run side by side.
const bundle = fileURLToPath(
  new URL(`../../node_modules/.cache/tobira-fault/server-${randomUUID()}.mjs`, import.meta.url),
);
// Generous: a loaded machine takes many seconds just to load fastify, kysely, exceljs and pdfkit.
const startTimeoutMs = 90_000;
let bundled: Promise<string> | null = null;

/**
 * The server's sources compiled once into one file (dependencies stay external), so each restart
 * costs a module load rather than a TypeScript transform of the whole server.
 */
function bundleServerProcess(): Promise<string> {
  bundled ??= build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    plugins: [
      {
        name: "dependencies-external",
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@tobira/") ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  }).then(() => bundle);
  return bundled;
}

/** Deletes the bundle once the test module is done with servers. */
export function removeServerBundle(): void {
  rmSync(bundle, { force: true });
  bundled = null;
}

/** A server running in a child process, to be killed without warning. */
export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far (its error log). */
  stderr(): string;
  /** SIGKILL: no shutdown hook, no flush, as a power cut or the OOM killer would. */
  kill(): Promise<void>;
}

export interface ServerStoreEnv {
  /** PostgreSQL URL; SQLite file otherwise. */
  databaseUrl?: string;
  sqlitePath?: string;
}

/** Starts the server on `port` over the given store and resolves once it listens. */
export async function startServerProcess(port: number, store: ServerStoreEnv): Promise<ServerProcess> {
  const script = await bundleServerProcess();
  const env: NodeJS.ProcessEnv = { ...process.env, TOBIRA_FAULT_PORT: String(port) };
  delete env.TOBIRA_DATABASE_URL;
  if (store.databaseUrl !== undefined) env.TOBIRA_DATABASE_URL = store.databaseUrl;
  if (store.sqlitePath !== undefined) env.TOBIRA_FAULT_SQLITE = store.sqlitePath;
  const child = spawn(process.execPath, [script], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the server did not listen within ${startTimeoutMs} ms:\n${errors}`));
    }, startTimeoutMs);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /listening (\S+)\n/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({ baseUrl: match[1], child, stderr: () => errors, kill });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${errors}`));
    });
  });
}
