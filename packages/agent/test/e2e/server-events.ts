import type { E2eServer } from "./e2e-server";

/** The access log rows of one reader at the server, in the order the server stored them. */
export function readReaderEvents(server: E2eServer, readerId: number) {
  return server.deps.db
    .selectFrom("access_event")
    .select([
      "seq",
      "event_id",
      "kind",
      "granted",
      "reason",
      "credential_key",
      "assurance",
      "door_id",
      "sequence",
    ])
    .where("reader_id", "=", readerId)
    .orderBy("seq")
    .execute();
}

export type ServerEvent = Awaited<ReturnType<typeof readReaderEvents>>[number];
