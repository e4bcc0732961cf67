import type { FastifyInstance } from "fastify";
import { afterEach, expect, it } from "vitest";
import { describeEachDatabase, testConfig } from "../../test/databases";
import { buildApp } from "../http/app";

const attemptsPerAddress = 5;

describeEachDatabase("the sign-in throttle behind a reverse proxy", (context) => {
  let app: FastifyInstance | undefined;
  let attempt = 0;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(trustProxy?: string): Promise<FastifyInstance> {
    const settings = {
      TOBIRA_LOGIN_ATTEMPTS_PER_ADDRESS: String(attemptsPerAddress),
      ...(trustProxy === undefined ? {} : { TOBIRA_TRUST_PROXY: trustProxy }),
    };
    app = await buildApp({ ...context().deps, config: testConfig(settings) });
    return app;
  }

  /** One wrong sign-in from `remoteAddress`, naming `forwardedFor` as the client; returns the status. */
  async function guess(
    server: FastifyInstance,
    remoteAddress: string,
    forwardedFor: string,
  ): Promise<number> {
    attempt++;
    const response = await server.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress,
      headers: { "x-forwarded-for": forwardedFor },
      payload: { loginId: `nobody-${attempt}`, password: "guess" },
    });
    return response.statusCode;
  }

  async function guesses(
    server: FastifyInstance,
    count: number,
    remote: string,
    forwarded: (n: number) => string,
  ) {
    const statuses: number[] = [];
    for (let n = 0; n < count; n++) statuses.push(await guess(server, remote, forwarded(n)));
    return statuses;
  }

  const usedUp = [...Array(attemptsPerAddress).fill(401), 429];

  it("ignores X-Forwarded-For when no proxy is trusted, so a made-up address does not dodge the limit", async () => {
    const server = await start();
    const statuses = await guesses(server, attemptsPerAddress + 1, "127.0.0.1", (n) => `203.0.113.${n + 1}`);
    expect(statuses).toEqual(usedUp);
  });

  it("counts clients behind a trusted proxy apart by their forwarded address", async () => {
    const server = await start("127.0.0.1");
    const first = await guesses(server, attemptsPerAddress + 1, "127.0.0.1", () => "203.0.113.7");
    expect(first).toEqual(usedUp);
    // Another client behind the same proxy still gets its own attempts.
    expect(await guess(server, "127.0.0.1", "198.51.100.9")).toBe(401);
    expect(await guess(server, "127.0.0.1", "203.0.113.7")).toBe(429);
  });

  it("counts a client by the address the trusted proxy saw, whatever it put in front itself", async () => {
    const server = await start("127.0.0.1");
    // The proxy appends the address it saw; the entries before it came from the client.
    const statuses = await guesses(
      server,
      attemptsPerAddress + 1,
      "127.0.0.1",
      (n) => `10.9.9.${n}, 203.0.113.8`,
    );
    expect(statuses).toEqual(usedUp);
  });

  it("ignores X-Forwarded-For from an address that is not a trusted proxy", async () => {
    const server = await start("10.0.0.5,10.1.0.0/16");
    const statuses = await guesses(server, attemptsPerAddress + 1, "192.0.2.50", (n) => `203.0.113.${n + 1}`);
    expect(statuses).toEqual(usedUp);
    // A proxy inside the trusted range passes its client's address on: the same client counts together.
    expect(await guess(server, "10.1.4.2", "192.0.2.50")).toBe(429);
    expect(await guess(server, "10.1.4.2", "198.51.100.10")).toBe(401);
  });
});
