// `npm test`: installs what the suites need, builds the web app, runs every suite once.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ensureSystemRequirements } from "./system-requirements.mjs";

const postgresUrl = process.env.TOBIRA_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

ensureSystemRequirements();
await ensurePostgres();

run("npm", ["run", "build", "--silent", "-w", "@tobira/web"]);

const report = join(tmpdir(), `tobira-vitest-${process.pid}.json`);
const vitest = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: { ...process.env, TZ: "UTC", TOBIRA_TEST_POSTGRES_URL: postgresUrl } },
);
printSummary(report);
process.exit(vitest.status ?? 1);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function ensurePostgres() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    console.error(
      `The database tests need PostgreSQL at ${postgresUrl} (${error.message}).\n` +
        "Start one (Debian: apt-get install -y postgresql && pg_ctlcluster 15 main start) or point TOBIRA_TEST_POSTGRES_URL at a server where this user may create databases.",
    );
    process.exit(1);
  }
}

function printSummary(path) {
  try {
    const result = JSON.parse(readFileSync(path, "utf8"));
    const skipped = result.numPendingTests + result.numTodoTests;
    // A suite that failed before its tests ran (a broken import, a failing beforeAll) counts as a failure too.
    const brokenSuites = result.testResults.filter(
      (suite) =>
        suite.status === "failed" && !suite.assertionResults.some((test) => test.status === "failed"),
    ).length;
    const failed = result.numFailedTests + brokenSuites;
    console.log(
      `\n${result.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`,
    );
    rmSync(path, { force: true });
  } catch {
    // vitest did not get as far as writing its report; its own output says why.
  }
}
