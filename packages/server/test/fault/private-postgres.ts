import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "./free-port";

/**
 * A throwaway PostgreSQL cluster of the machine's own PostgreSQL binaries, on a port of its own, that a
 * test may crash and start again without disturbing the shared server the other tests use.
 */
export interface PrivatePostgres {
  /** Superuser URL of the cluster's `postgres` database. */
  url: URL;
  /** Stops the server the way a crash does: `pg_ctl stop -m immediate`, no shutdown checkpoint. */
  crash(): void;
  /** Starts it again; it replays its WAL before it takes connections. */
  start(): void;
  remove(): void;
}

function findBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const version = versions.find((candidate) => existsSync(join(root, candidate, "bin", "initdb")));
  if (version === undefined) throw new Error(`no PostgreSQL server binaries (initdb) under ${root}`);
  return join(root, version, "bin");
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user. */
function commandRunner(dir: string): (command: string, args: string[]) => void {
  if (process.getuid?.() !== 0)
    return (command, args) => {
      execFileSync(command, args, { stdio: "pipe" });
    };
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
  chownSync(dir, uid, gid);
  return (command, args) => {
    execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  };
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = findBinDir();
  const dir = mkdtempSync(join(tmpdir(), "tobira-private-pg-"));
  const dataDir = join(dir, "data");
  const logFile = join(dir, "server.log");
  const run = commandRunner(dir);
  const port = await findFreePort();
  const pgCtl = (...args: string[]) => {
    try {
      run(join(bin, "pg_ctl"), ["-D", dataDir, ...args]);
    } catch (error) {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`pg_ctl ${args.join(" ")} failed: ${String(error)}\n${log}`);
    }
  };
  run(join(bin, "initdb"), [
    "-D",
    dataDir,
    "-A",
    "trust",
    "-U",
    "postgres",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = () => pgCtl("-l", logFile, "-o", options, "-w", "-t", "60", "start");
  start();
  return {
    url: new URL(`postgres://postgres@127.0.0.1:${port}/postgres`),
    crash: () => pgCtl("-m", "immediate", "-w", "stop"),
    start,
    remove() {
      try {
        pgCtl("-m", "immediate", "-w", "stop");
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
