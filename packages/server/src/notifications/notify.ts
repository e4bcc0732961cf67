import type { NotificationKind } from "@tobira/protocol";
import { isMailConfigured } from "../config";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { composeMail } from "./compose-mail";

/** A notice for one person: Japanese first, the English on a second line of the title or body. */
export interface NotificationNote {
  staffId: number;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path in the web app to open, e.g. `/requests/12`. */
  link?: string;
  requestId?: number;
}

/**
 * Stores the notices in the caller's transaction, so they exist exactly when what they announce does,
 * and queues an e-mail copy of each when mail is set up; the sender delivers it later.
 */
export async function notify(
  trx: Executor,
  notes: readonly NotificationNote[],
  { clock, config }: Pick<Deps, "clock" | "config">,
): Promise<void> {
  const now = clock.now().toISOString();
  const mail = isMailConfigured(config);
  for (const note of notes) {
    const { id } = await trx
      .insertInto("notification")
      .values({
        staff_id: note.staffId,
        kind: note.kind,
        title: note.title,
        body: note.body,
        link: note.link ?? null,
        request_id: note.requestId ?? null,
        created_at: now,
        read_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (!mail) continue;
    const { subject, text } = composeMail(note);
    await trx
      .insertInto("mail_outbox")
      .values({
        notification_id: id,
        staff_id: note.staffId,
        subject,
        body: text,
        state: "pending",
        next_attempt_at: now,
        last_error: null,
        sent_at: null,
        created_at: now,
      })
      .execute();
  }
}
