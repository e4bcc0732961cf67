import type { Migration } from "kysely";
import * as foundation from "./2026-11-27-0001-foundation";

/** Every migration in order; names sort by date so new ones go at the end. */
export const migrations: Record<string, Migration> = {
  "2026-11-27-0001-foundation": foundation,
};
