import { toLocalDate } from "@tobira/core";
import { AppError } from "../errors";

function refuseExpiry(message: string): AppError {
  return new AppError("validation_failed", `The visitor card's expiry ${message}.`, [
    { path: "expiresAt", message },
  ]);
}

/**
 * When a visitor card stops working: the time asked for, or the end of the issue day. A visitor card
 * is a day card, so the expiry falls on the issue day (Japan time), 23:59:59 at the latest.
 */
export function resolveVisitorExpiry(now: Date, requested: string | undefined): string {
  const issueDay = toLocalDate(now);
  const dayEnd = Date.parse(`${issueDay}T23:59:59+09:00`);
  if (requested === undefined) return new Date(dayEnd).toISOString();
  const expiresAt = Date.parse(requested);
  if (Number.isNaN(expiresAt)) throw refuseExpiry("must be a date and time with an offset");
  if (toLocalDate(new Date(expiresAt)) !== issueDay) {
    throw refuseExpiry(`must fall on the issue day, ${issueDay} (Japan time)`);
  }
  if (expiresAt > dayEnd) throw refuseExpiry("must be 23:59:59 (Japan time) at the latest");
  if (expiresAt <= now.getTime()) throw refuseExpiry("must be later than now");
  return new Date(expiresAt).toISOString();
}
