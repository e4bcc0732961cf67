import { createAgentLog } from "../src/agent-log";
import { systemClock } from "../src/clock";
import { loadOrCreateAgentKey } from "../src/identity/agent-key";
import { openSqliteOutbox } from "../src/outbox/sqlite-outbox";
import { openSnapshotStore } from "../src/snapshot/snapshot-store";
import { openWebSocketLink } from "../src/sync/websocket-link";

/*
 * A stripped agent for the crash test: outbox + link in a process of its own, so the test can SIGKILL
 * it mid-delivery. With "append" it records a tap every millisecond and prints each event id once
 * append has returned (that is, once the event is on disk).
 */
const [dataDir, server, mode] = process.argv.slice(2);
if (dataDir === undefined || server === undefined)
  throw new Error("usage: outbox-agent-process DATADIR SERVER [append]");

const log = createAgentLog({ level: "silent" });
const outbox = openSqliteOutbox(dataDir, systemClock);
const link = openWebSocketLink({
  config: { server, role: "door", name: "crash-test", dataDir },
  key: loadOrCreateAgentKey(dataDir),
  outbox,
  policy: openSnapshotStore({ dataDir, log }),
  clock: systemClock,
  log,
  softwareVersion: "0.1.0",
  timing: { reconnectBaseMs: 20, reconnectCapMs: 100 },
});

if (mode === "append") {
  setInterval(() => {
    const event = outbox.append({
      occurredAt: new Date().toISOString(),
      kind: "decision",
      credentialKey: "staffCard:1",
      granted: false,
      reason: "unknown_card",
    });
    process.stdout.write(`${event.eventId}\n`);
    link.flush();
  }, 1);
}
