import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const cli = join(import.meta.dirname, "../bin/tobira.mjs");
const dataDir = mkdtempSync(join(tmpdir(), "tobira-cli-"));
const env = { ...process.env, TOBIRA_DATA_DIR: dataDir, TOBIRA_DATABASE_URL: "" };

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function isOutcome(value: unknown): value is Outcome {
  return typeof value === "object" && value !== null && "code" in value && "stderr" in value;
}

async function tobira(args: string[], extraEnv: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...env, ...extraEnv } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (isOutcome(error)) return error;
    throw error;
  }
}

// Each case starts the command line one or more times, compiling it afresh; a loaded machine needs the room.
describe("tobira command line", { timeout: 60_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates an empty database and then reports it up to date", async () => {
    expect((await tobira(["db", "migrate"])).stdout).toMatch(/applied: 2026-11-27-0001-foundation/);
    expect((await tobira(["db", "migrate"])).stdout).toMatch(/up to date/);
  });

  it("creates the first administrator with a one-time password and audits it", async () => {
    const created = await tobira(["admin", "create", "--login", "admin", "--roles", "sysadmin,hr"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/created admin\. One-time password .*: [A-Za-z0-9]{14}/);
    const again = await tobira(["admin", "create", "--login", "admin"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it("refuses unknown roles, naming the valid ones", async () => {
    const bad = await tobira(["admin", "create", "--login", "x", "--roles", "king"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/staff, approver, hr, securityAdmin, auditor, sysadmin/);
  });

  it("prints the audit chain's head and, given it later, exits 1 once the end was cut off before it", async () => {
    expect((await tobira(["admin", "create", "--login", "admin2"])).code).toBe(0);
    const intact = await tobira(["audit", "verify"]);
    expect(intact).toMatchObject({ code: 0 });
    const head = /^head: (2:[0-9a-f]{64})$/m.exec(intact.stdout)?.[1];
    if (head === undefined) throw new Error(`no head in ${intact.stdout}`);
    const still = await tobira(["audit", "verify", "--head", head]);
    expect(still.code).toBe(0);
    expect(still.stdout).toMatch(/the expected head 2 is still in the chain/);

    const db = new SQLite(join(dataDir, "tobira.db"));
    db.prepare("delete from audit_log where seq = 2").run();
    db.close();
    // Without the noted head the shorter chain still links up.
    expect(await tobira(["audit", "verify"])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/intact: 1 entries/),
    });
    const cut = await tobira(["audit", "verify", "--head", head]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/The chain ends at seq 1, before the expected head at seq 2/);
  });

  it("checks the access-event chain the same way, refusing a head it does not hold", async () => {
    const empty = await tobira(["access", "verify"]);
    expect(empty).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/access-event log intact: 0 entries/),
    });
    const cut = await tobira(["access", "verify", "--head", `3:${"ab".repeat(32)}`]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(
      /access-event log BROKEN .*The chain is empty, before the expected head at seq 3/,
    );
    const bad = await tobira(["access", "verify", "--head", "three"]);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/as printed by access verify/) });
  });

  it("refuses a --head that is not SEQ:HASH", async () => {
    const bad = await tobira(["audit", "verify", "--head", "2:nothex"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--head must be SEQ:HASH/);
  });

  it("verifies the audit chain and exits 1 naming the first broken entry once it is tampered with", async () => {
    const intact = await tobira(["audit", "verify"]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toMatch(/intact: 1 entries/);
    const db = new SQLite(join(dataDir, "tobira.db"));
    db.prepare("update audit_log set actor = 'intruder' where seq = 1").run();
    db.close();
    const broken = await tobira(["audit", "verify"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at entry 1/);
  });

  it("stops with the variable's name when the configuration is wrong", async () => {
    const { code, stderr } = await tobira(["db", "migrate"], { TOBIRA_DATABASE_URL: "mysql://nope" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/TOBIRA_DATABASE_URL: must be a postgres:\/\/ connection string/);
  });
});
