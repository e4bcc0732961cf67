import { type LocalDate, toLocalDate } from "@tobira/core";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { readAccessEventHead } from "../access-events/access-event-chain";
import { repeat } from "../cluster/repeat";
import type { Deps } from "../deps";
import { readAuditHead } from "./audit-repository";

const checkEveryMs = 60_000;

/**
 * Writes each hash chain's newest seq and hash to the server log, at start-up and then once a day
 * (Asia/Tokyo). The log lives outside the database, so it witnesses a later cut-off end: verify with a
 * logged head and the check fails if the chain no longer holds it. Only seq and hash are logged.
 */
export function createChainHeadWitness(deps: Pick<Deps, "db" | "clock">, log: FastifyBaseLogger) {
  let loggedOn: LocalDate | null = null;
  return {
    /** Logs the heads unless they were already logged today; says whether it did. */
    async logIfDue(): Promise<boolean> {
      const today = toLocalDate(deps.clock.now());
      if (loggedOn === today) return false;
      const heads = { audit: await readAuditHead(deps.db), accessEvents: await readAccessEventHead(deps.db) };
      for (const [chain, head] of Object.entries(heads)) {
        log.info({ chain, seq: head?.seq ?? 0, hash: head?.hash ?? null }, "hash chain head");
      }
      loggedOn = today;
      return true;
    },
  };
}

/** Starts the witness beside the server (like the morning digest) and stops it when the server closes. */
export function registerChainHeadLog(app: FastifyInstance, deps: Pick<Deps, "db" | "clock">): void {
  const log = app.log.child({ category: "audit" });
  const witness = createChainHeadWitness(deps, log);
  const job = repeat(checkEveryMs, async () => {
    await witness
      .logIfDue()
      .catch((error: unknown) => log.error({ err: error }, "reading the hash chain heads failed"));
  });
  app.addHook("onClose", () => job.stop());
}
