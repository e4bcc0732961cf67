import type { Kysely } from "kysely";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { DialectName } from "./db/dialect";
import type { Database } from "./db/schema";

/** What use cases need from the outside world, passed as one object. */
export interface Deps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  config: Config;
}
