import pg from "pg";

export type ListenerState = "connecting" | "listening" | "closed";

export interface ListenerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** How the LISTEN connection shows in pg_stat_activity. */
export const listenerApplicationName = "tobira-listener";

const defaultRetryDelaysMs = [100, 500, 1000, 2000, 5000];

export interface PostgresListenerOptions {
  url: string;
  /** A lower-case identifier: it is written into the LISTEN statement. */
  channel: string;
  log: ListenerLog;
  onNotification(payload: string | undefined): void;
  /**
   * Called each time LISTEN is in place, the first time and after every reconnect. Notifications sent
   * while the connection was down are lost for good, so this is where the caller catches up.
   */
  onListening(): void;
  /** The waits before each reconnection attempt; the last repeats. */
  retryDelaysMs?: readonly number[];
}

export interface PostgresListener {
  state(): ListenerState;
  close(): Promise<void>;
}

/**
 * One dedicated connection that LISTENs on a channel and comes back on its own when it is lost (a
 * restarted database, pg_terminate_backend, a dropped network). A pooled connection cannot listen:
 * the pool hands it to others and closes it when idle.
 */
export function listenToPostgres(options: PostgresListenerOptions): PostgresListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.channel))
    throw new Error(`The channel name ${options.channel} is not a plain identifier.`);
  const { log } = options;
  const retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  let state: ListenerState = "connecting";
  let client: pg.Client | null = null;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.url, application_name: listenerApplicationName });
    client = next;
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, null));
    next.on("notification", (message) => {
      if (client === next && message.channel === options.channel) options.onNotification(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
    } catch (error) {
      lost(next, error);
      return;
    }
    if (client !== next) return;
    state = "listening";
    if (failures > 0) log.info({ channel: options.channel }, "listening to PostgreSQL again");
    failures = 0;
    options.onListening();
  }

  function lost(which: pg.Client, error: unknown): void {
    if (client !== which) return;
    client = null;
    void which.end().catch(() => undefined);
    if (state === "closed") return;
    state = "connecting";
    const delayMs = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)] ?? 1000;
    failures += 1;
    log.warn(
      { channel: options.channel, retryInMs: delayMs, error: error instanceof Error ? error.message : null },
      "the PostgreSQL LISTEN connection is down; reconnecting",
    );
    retry = setTimeout(() => {
      retry = null;
      if (state !== "closed") void connect();
    }, delayMs);
    retry.unref();
  }

  void connect();

  return {
    state: () => state,
    async close() {
      state = "closed";
      if (retry) clearTimeout(retry);
      retry = null;
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
