// Revocation propagation: from the administrator's click (a real HTTP request to a real server on SQLite)
// to each of 200 connected agents' acknowledgement of the signed delta — protocol clients, then whole agents.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchRevocationToClients, benchRevocationToFullAgents } from "./revocation-propagation";

const workDir = mkdtempSync(join(tmpdir(), "tobira-revocation-bench-"));
try {
  console.log(
    "\n### revocation: the administrator's click → each agent's acknowledgement (real server, SQLite)",
  );
  await benchRevocationToClients();
  await benchRevocationToFullAgents(workDir);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
