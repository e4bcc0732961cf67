import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { readAccessVersion } from "../src/access/access-version";
import { createArea } from "../src/access/area-use-cases";
import { createDoor } from "../src/access/door-use-cases";
import { createReader } from "../src/access/reader-use-cases";
import { systemClock } from "../src/clock";
import { loadConfig } from "../src/config";
import { enrolCredential } from "../src/credentials/enrol-credential";
import type { DialectName } from "../src/db/dialect";
import type { Deps } from "../src/deps";
import { buildApp } from "../src/http/app";
import { insertDepartment } from "../src/org/department-repository";
import { createStaff } from "../src/org/staff-use-cases";
import { createAccount, type Session, signInAs } from "../test/http";
import { createTestStore } from "../test/test-store";

export const benchActor = "security";
const roundTimeoutMs = 30_000;

/**
 * A real server on a fresh database (a SQLite file, or a PostgreSQL database dropped on close), listening
 * on 127.0.0.1, with readers and cards to revoke.
 */
export interface BenchServer {
  app: FastifyInstance;
  deps: Deps;
  baseUrl: string;
  /** One door reader per agent to come. */
  readerIds: number[];
  /** One IC card per round, each bound to its own staff member. */
  credentialIds: number[];
  close(): Promise<void>;
}

export interface PropagationRounds {
  /** Per agent per round: from just before the request to the agent's acknowledgement at the server. */
  propagationMs: number[];
  /** Per round: the revocation's HTTP request alone. */
  requestMs: number[];
}

/** A hall and a server room with one door, and `count` door readers on it. */
async function buildReaders(deps: Deps, count: number): Promise<number[]> {
  const area = { antiPassback: false, twoPersonRule: false };
  const hall = await createArea(deps, benchActor, { name: "庁舎", parentId: null, ...area });
  const room = await createArea(deps, benchActor, { name: "サーバ室", parentId: hall.id, ...area });
  const door = await createDoor(deps, benchActor, {
    name: "サーバ室入口",
    fromAreaId: hall.id,
    toAreaId: room.id,
    defaultMode: "locked",
    modes: [],
    exitButton: false,
    heldOpenSeconds: 30,
    unlockSeconds: 5,
  });
  const readerIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const reader = await createReader(deps, benchActor, {
      name: `読取機 ${i + 1}`,
      kind: "door",
      doorId: door.id,
      side: "entry",
    });
    readerIds.push(reader.id);
  }
  return readerIds;
}

async function enrolCards(deps: Deps, count: number): Promise<number[]> {
  const department = await insertDepartment(deps.db, {
    code: "9900",
    name: "総務課",
    kind: "department",
    parentId: null,
    validFrom: "2000-04-01",
    validTo: null,
  });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const staff = await createStaff(deps, benchActor, {
      staffNumber: String(70_001 + i),
      familyName: "計測",
      givenName: `${i + 1}号`,
      familyNameKana: "ケイソク",
      givenNameKana: "ゴウ",
      employmentType: "regular",
      startDate: "2020-04-01",
      endDate: null,
      email: null,
      phone: null,
      departmentId: department.id,
      positionId: null,
    });
    const uid = (0x04a10000 + i).toString(16).padStart(8, "0");
    const credential = await enrolCredential(deps, benchActor, { staffId: staff.id, kind: "uid", uid });
    ids.push(credential.id);
  }
  return ids;
}

export async function startBenchServer(
  readers: number,
  cards: number,
  dialect: DialectName = "sqlite",
): Promise<BenchServer> {
  const store = await createTestStore(dialect);
  const config = loadConfig({
    // The server's own log, e.g. "error" to see why a benchmark stalls; silent by default.
    TOBIRA_LOG_LEVEL: process.env.TOBIRA_BENCH_LOG_LEVEL ?? "silent",
    TOBIRA_AGENT_REGISTRATIONS_PER_ADDRESS: String(readers * 2),
  });
  const deps: Deps = { db: store.db, dialect: store.dialect, clock: systemClock, config };
  const app = await buildApp(deps);
  try {
    const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    const readerIds = await buildReaders(deps, readers);
    const credentialIds = await enrolCards(deps, cards);
    return {
      app,
      deps,
      baseUrl,
      readerIds,
      credentialIds,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await app.close();
    await store.close();
    throw error;
  }
}

/** Resolves once every agent in `agentIds` has acknowledged a version above `above`, with each one's ms. */
export function waitForAcknowledgements(
  app: FastifyInstance,
  agentIds: readonly number[],
  above: number,
  since: () => number,
): Promise<number[]> {
  const waiting = new Set(agentIds);
  const samples: number[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${waiting.size} agents did not acknowledge a version above ${above} in time`));
    }, roundTimeoutMs);
    const stop = app.agentHub.onSnapshotApplied((agentId, version) => {
      if (version <= above || !waiting.delete(agentId)) return;
      samples.push(performance.now() - since());
      if (waiting.size > 0) return;
      clearTimeout(timer);
      stop();
      resolve(samples);
    });
  });
}

/** Until every agent runs the server's current policy; returns how long that took. */
export async function waitUntilAllCurrent(
  server: BenchServer,
  agentIds: readonly number[],
  connect: () => Promise<void>,
): Promise<number> {
  const version = await readAccessVersion(server.deps.db);
  const started = performance.now();
  const acknowledged = waitForAcknowledgements(server.app, agentIds, version - 1, () => started);
  await connect();
  await acknowledged;
  return (performance.now() - started) / 1000;
}

async function revokeOverHttp(baseUrl: string, session: Session, credentialId: number): Promise<void> {
  const response = await fetch(`${baseUrl}/api/credentials/${credentialId}/revoke`, {
    method: "POST",
    headers: { ...session.headers, "content-type": "application/json" },
    body: JSON.stringify({ reason: "紛失届" }),
  });
  if (response.status !== 200)
    throw new Error(`the revocation failed: ${response.status} ${await response.text()}`);
}

/**
 * The administrator, signed in over HTTP, revokes one card per round; each connected agent's
 * acknowledgement of the new version is timed from just before the request.
 */
export async function measureRevocationRounds(
  server: BenchServer,
  agentIds: readonly number[],
): Promise<PropagationRounds> {
  await createAccount(server.deps, benchActor, ["staff", "securityAdmin"]);
  const session = await signInAs(server.app, benchActor);
  const propagationMs: number[] = [];
  const requestMs: number[] = [];
  for (const credentialId of server.credentialIds) {
    const before = await readAccessVersion(server.deps.db);
    let clickedAt = 0;
    const acknowledged = waitForAcknowledgements(server.app, agentIds, before, () => clickedAt);
    clickedAt = performance.now();
    await revokeOverHttp(server.baseUrl, session, credentialId);
    requestMs.push(performance.now() - clickedAt);
    propagationMs.push(...(await acknowledged));
  }
  return { propagationMs, requestMs };
}
