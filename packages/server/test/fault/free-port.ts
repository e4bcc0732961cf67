import { createServer } from "node:net";

/** A TCP port free right now, so a server can be restarted on the port its agents know. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address === null || typeof address === "string") reject(new Error("no TCP port"));
        else resolve(address.port);
      });
    });
  });
}
