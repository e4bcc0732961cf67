import { accessEventBatchSchema, errorStatus } from "@tobira/protocol";
import { ingestAccessEvents } from "../src/access-events/ingest-access-events";
import type { Deps } from "../src/deps";
import { AppError } from "../src/errors";
import type { JsonResponse } from "./access-api";

function answer(statusCode: number, value: unknown): JsonResponse {
  const body = JSON.stringify(value);
  return { statusCode, body, json: () => JSON.parse(body) };
}

/**
 * Delivers a batch as a reader's agent does over its socket (the wire schema first, then ingestion for
 * that reader), answered like an HTTP call so tests can read refusals the same way.
 */
export async function ingestAsReader(
  deps: Pick<Deps, "db" | "clock">,
  readerId: number,
  events: readonly object[],
): Promise<JsonResponse> {
  const parsed = accessEventBatchSchema.safeParse({ readerId, events });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    return answer(400, { error: { id: "validation_failed", message: "Some events are not valid", issues } });
  }
  try {
    return answer(200, await ingestAccessEvents(deps, readerId, parsed.data.events));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return answer(errorStatus[error.id], {
      error: { id: error.id, message: error.message, issues: error.issues },
    });
  }
}
