import type { AgentClient } from "../test/agent-client";

const closings = new WeakMap<AgentClient, Promise<never>>();
const closedClients = new WeakSet<AgentClient>();

function describeReceived(client: AgentClient): string {
  return client.received
    .slice(-5)
    .map((message) =>
      message.type === "refused" ? `refused (${message.reason}: ${message.message})` : message.type,
    )
    .join(", ");
}

/** Rejects once the connection closes, naming what the agent last received; one per client. */
function whenClosed(client: AgentClient): Promise<never> {
  const known = closings.get(client);
  if (known !== undefined) return known;
  const closing = client.closed.then(({ code, reason }) => {
    closedClients.add(client);
    throw new Error(`an agent's connection closed (${code} ${reason}) after ${describeReceived(client)}`);
  });
  // Closing at the end of the run is expected; only a wait that is still running reports it.
  closing.catch(() => {});
  closings.set(client, closing);
  return closing;
}

/**
 * The awaited message, or the error of the client's closed connection. The race settles with nothing:
 * a connection's closing keeps every race it joined until it closes, and with it what the race settled
 * with (a town's snapshot, 14 MiB).
 */
export async function unlessClosed<T>(client: AgentClient, message: Promise<T>): Promise<T> {
  await Promise.race([message.then(() => undefined), whenClosed(client)]);
  return message;
}

/** Whether this client's connection has closed (watched since its first `unlessClosed`). */
export function wasClosed(client: AgentClient): boolean {
  return closedClients.has(client);
}
