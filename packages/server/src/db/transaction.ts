import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

/** Either the database or an open transaction: repositories accept both, use cases pick. */
export type Executor = Kysely<Database> | Transaction<Database>;
