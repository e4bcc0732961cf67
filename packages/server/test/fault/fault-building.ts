import { agentRegistrationMessage } from "@tobira/protocol";
import type { AgentKey } from "../../../agent/src/identity/agent-key";
import { createArea } from "../../src/access/area-use-cases";
import { createDoor } from "../../src/access/door-use-cases";
import { createReader } from "../../src/access/reader-use-cases";
import { approveAgent } from "../../src/agents/decide-agent";
import { registerAgent } from "../../src/agents/register-agent";
import { systemClock } from "../../src/clock";
import type { Store } from "../../src/db/database";

const actor = "fault-test";

/**
 * One door with a reader per agent key, each agent registered with its own signature and approved for
 * its reader, as an administrator would. Returns the reader ids in the order of the keys.
 */
export async function buildFaultBuilding(store: Store, keys: readonly AgentKey[]): Promise<number[]> {
  const deps = { db: store.db, dialect: store.dialect, clock: systemClock };
  const area = { antiPassback: false, twoPersonRule: false };
  const hall = await createArea(deps, actor, { name: "庁舎", parentId: null, ...area });
  const archive = await createArea(deps, actor, { name: "書庫", parentId: hall.id, ...area });
  const door = await createDoor(deps, actor, {
    name: "書庫入口",
    fromAreaId: hall.id,
    toAreaId: archive.id,
    defaultMode: "locked",
    modes: [],
    exitButton: false,
    heldOpenSeconds: 30,
    unlockSeconds: 5,
  });
  const readerIds: number[] = [];
  for (const [index, key] of keys.entries()) {
    const reader = await createReader(deps, actor, {
      name: `書庫 読取機 ${index + 1}`,
      kind: "door",
      doorId: door.id,
      side: "entry",
    });
    const fields = { publicKey: key.publicKey, name: `fault-agent-${index + 1}`, role: "door" as const };
    const signature = Buffer.from(key.sign(new TextEncoder().encode(agentRegistrationMessage(fields))));
    const registered = await registerAgent(deps, {
      ...fields,
      softwareVersion: "0.1.0",
      signature: signature.toString("base64"),
    });
    await approveAgent(deps, actor, registered.agentId, { readerId: reader.id });
    readerIds.push(reader.id);
  }
  return readerIds;
}
