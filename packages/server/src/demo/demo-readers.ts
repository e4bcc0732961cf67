import { join } from "node:path";
import type { DemoAgents, DemoReader } from "@tobira/agent/demo";
import { listReaders } from "../access/reader-repository";
import { findAgentByFingerprint } from "../agents/agent-repository";
import { approveAgent } from "../agents/decide-agent";
import { readTrustAnchorFile } from "../credentials/trust-anchor-file";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { bindDemoCards } from "./bind-demo-cards";
import type { DemoDoorPanel } from "./demo-panel-routes";

export interface DemoReaders {
  /**
   * The server's dependencies for the demo: when no J-LIS trust anchors are configured, the demo's own
   * test CA, so its enrolment station can enrol the demo's not-yet-enrolled My Number Card.
   */
  deps: Deps;
  /** The virtual door panel's view of the agents; usable before they run (it then says so). */
  panel: DemoDoorPanel;
  /** Starts one virtual agent per reader against the listening server and approves them. */
  start(serverUrl: string): Promise<void>;
  close(): Promise<void>;
}

const approvalWaitMs = 10_000;

async function wasSeededAsDemo(deps: Pick<Deps, "db">): Promise<boolean> {
  const seeded = await deps.db
    .selectFrom("audit_log")
    .select("seq")
    .where("action", "=", "demo.seeded")
    .limit(1)
    .executeTakeFirst();
  return seeded !== undefined;
}

/** Approves the demo's own agents, as an administrator would after comparing fingerprints. */
async function approveDemoAgents(deps: Deps, agents: DemoAgents): Promise<void> {
  for (const { readerId, fingerprint } of agents.fingerprints()) {
    const plain = fingerprint.replaceAll(" ", "");
    const deadline = Date.now() + approvalWaitMs;
    let agent = await findAgentByFingerprint(deps.db, plain);
    while (agent === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      agent = await findAgentByFingerprint(deps.db, plain);
    }
    if (agent?.status === "pending") await approveAgent(deps, "demo", agent.id, { readerId });
  }
}

/**
 * The demo town's readers come to life: virtual cards bound to demo staff and a virtual agent on each
 * reader, driven from the web's virtual door panel. Only for a database the demo itself seeded, so
 * `--demo` on a real town never puts virtual agents on its readers.
 */
export async function prepareDemoReaders(deps: Deps): Promise<DemoReaders | null> {
  if (!(await wasSeededAsDemo(deps))) return null;
  const demo = await import("@tobira/agent/demo");
  const dir = join(deps.config.dataDir, "demo");
  const cards = await demo.prepareDemoCards(join(dir, "cards"), deps.clock.now());
  const anchors =
    deps.config.jpkiTrustAnchors ?? readTrustAnchorFile(demo.demoTrustAnchorFile(join(dir, "cards")));
  const demoDeps: Deps = { ...deps, config: Object.freeze({ ...deps.config, jpkiTrustAnchors: anchors }) };
  const holders = await bindDemoCards(deps, cards);
  let agents: DemoAgents | null = null;

  const panel: DemoDoorPanel = {
    cards: () =>
      cards.map((card) => {
        const staffId = holders.get(card.name);
        return {
          name: card.name,
          label: card.label,
          kind: card.kind,
          holderId: staffId === undefined ? null : `staff:${staffId}`,
        };
      }),
    readers: () => agents?.readers() ?? [],
    async tap(readerId, card, pin) {
      if (agents === null)
        throw new AppError("conflict", "The demo's readers are still starting; try again in a moment.");
      return agents.tap(readerId, card, pin);
    },
  };

  return {
    deps: demoDeps,
    panel,
    async start(serverUrl) {
      const readers: DemoReader[] = (await listReaders(deps.db)).map((reader) => ({
        readerId: reader.id,
        readerName: reader.name,
        role: reader.kind,
      }));
      const started = await demo.startDemoAgents({ serverUrl, dataDir: join(dir, "agents"), readers, cards });
      agents = started;
      await approveDemoAgents(deps, started);
    },
    async close() {
      await agents?.close();
      agents = null;
    },
  };
}
