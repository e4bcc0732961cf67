import pg from "pg";
import { postgresAdminUrl } from "../test/test-store";
import { readProcessUsage } from "./load-process";

const sampleEveryMs = 500;

/** Measures the CPU time of PostgreSQL's backends for one database until stopped. */
export interface DatabaseCpuMeter {
  /** CPU seconds the backends used since the meter started. */
  stop(): Promise<number>;
}

/**
 * The CPU time (user + system) of the PostgreSQL backends serving the benchmark server's database
 * (test-store.ts names it after the server's pid), read from /proc every half second: backends that
 * open meanwhile count from zero; one that closes between two samples loses its last half second.
 * PostgreSQL's shared processes (WAL writer, checkpointer) are not counted.
 */
export async function meterPostgresCpu(serverPid: number): Promise<DatabaseCpuMeter> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let started = false;
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname like $1",
      [`tobira\\_test\\_${serverPid}\\_%`],
    );
    for (const { pid } of rows) {
      let cpuSeconds: number;
      try {
        cpuSeconds = readProcessUsage(pid).cpuSeconds;
      } catch {
        continue; // The backend ended between the query and the read.
      }
      if (!first.has(pid)) first.set(pid, started ? 0 : cpuSeconds);
      last.set(pid, cpuSeconds);
    }
  };
  await sample();
  started = true;
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample);
  }, sampleEveryMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      await sample();
      await client.end();
      let seconds = 0;
      for (const [pid, cpu] of last) seconds += cpu - (first.get(pid) ?? cpu);
      return seconds;
    },
  };
}
