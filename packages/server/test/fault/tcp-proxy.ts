import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP relay to a fixed upstream that can be cut: cutting closes the listener and every relayed
 * connection, so the client sees both dropped sessions and refused new ones, as when the database host
 * goes away. Restoring listens again on the same port.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(upstream: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  function listen(port: number): Promise<Server> {
    const listener = createServer((client) => {
      const remote = createConnection(upstream);
      for (const socket of [client, remote]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          remote.destroy();
        });
      }
      client.pipe(remote);
      remote.pipe(client);
    });
    return new Promise((resolve, reject) => {
      listener.once("error", reject);
      listener.listen(port, "127.0.0.1", () => resolve(listener));
    });
  }

  async function cut(): Promise<void> {
    const listener = server;
    server = null;
    const closed = listener ? new Promise<void>((resolve) => listener.close(() => resolve())) : undefined;
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  server = await listen(0);
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no TCP port");
  const { port } = address;
  return {
    port,
    cut,
    async restore() {
      if (server === null) server = await listen(port);
    },
    close: cut,
  };
}
