import type { Executor } from "../db/transaction";

/** A queued e-mail with its recipient's address as the staff record has it now. */
export interface DueMail {
  id: number;
  staffId: number;
  email: string | null;
  subject: string;
  body: string;
  attempts: number;
  nextAttemptAt: string;
}

/** Pending mails whose time has come, oldest first. */
export async function listDueMails(db: Executor, now: Date, limit: number): Promise<DueMail[]> {
  const rows = await db
    .selectFrom("mail_outbox as m")
    .innerJoin("staff as s", "s.id", "m.staff_id")
    .select(["m.id", "m.staff_id", "s.email", "m.subject", "m.body", "m.attempts", "m.next_attempt_at"])
    .where("m.state", "=", "pending")
    .where("m.next_attempt_at", "<=", now.toISOString())
    .orderBy("m.next_attempt_at")
    .orderBy("m.id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    staffId: row.staff_id,
    email: row.email,
    subject: row.subject,
    body: row.body,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
  }));
}

/**
 * Takes a mail for this sender until `leaseUntil`: moves its next attempt only if no other server did
 * since it was listed, so two servers never send the same mail at once.
 */
export async function claimMail(db: Executor, mail: DueMail, leaseUntil: Date): Promise<boolean> {
  const result = await db
    .updateTable("mail_outbox")
    .set({ next_attempt_at: leaseUntil.toISOString() })
    .where("id", "=", mail.id)
    .where("state", "=", "pending")
    .where("next_attempt_at", "=", mail.nextAttemptAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordMailSent(db: Executor, id: number, attempts: number, now: Date): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ state: "sent", attempts, sent_at: now.toISOString(), last_error: null })
    .where("id", "=", id)
    .execute();
}

export async function recordMailSkipped(db: Executor, id: number, reason: string): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ state: "skipped", last_error: reason.slice(0, 500) })
    .where("id", "=", id)
    .execute();
}

/** A failed attempt: tried again at `retryAt`, or given up on when that is null. */
export async function recordMailFailure(
  db: Executor,
  id: number,
  failure: { attempts: number; error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({
      attempts: failure.attempts,
      last_error: failure.error.slice(0, 500),
      ...(failure.retryAt === null
        ? { state: "failed" as const }
        : { next_attempt_at: failure.retryAt.toISOString() }),
    })
    .where("id", "=", id)
    .execute();
}
