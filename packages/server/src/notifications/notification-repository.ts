import { type NotificationDto, notificationKindSchema } from "@tobira/protocol";
import type { Selectable } from "kysely";
import type { NotificationTable } from "../db/schema";
import type { Executor } from "../db/transaction";

const inboxSize = 50;

/** A person's latest notifications, newest first (only the unread ones when asked). */
export async function listNotifications(
  db: Executor,
  staffId: number,
  options: { unreadOnly: boolean },
): Promise<NotificationDto[]> {
  let query = db.selectFrom("notification").selectAll().where("staff_id", "=", staffId);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  const rows = await query.orderBy("id", "desc").limit(inboxSize).execute();
  return rows.map(presentNotification);
}

export async function countUnreadNotifications(db: Executor, staffId: number): Promise<number> {
  const row = await db
    .selectFrom("notification")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("staff_id", "=", staffId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * Marks one of the person's notifications read (keeping the first read time). Answers whether it is
 * theirs, so another person's id looks the same as an id that does not exist.
 */
export async function markNotificationRead(
  db: Executor,
  staffId: number,
  id: number,
  now: Date,
): Promise<{ found: boolean; marked: number }> {
  const found = await db
    .selectFrom("notification")
    .select("id")
    .where("id", "=", id)
    .where("staff_id", "=", staffId)
    .executeTakeFirst();
  if (!found) return { found: false, marked: 0 };
  const result = await db
    .updateTable("notification")
    .set({ read_at: now.toISOString() })
    .where("id", "=", id)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return { found: true, marked: Number(result.numUpdatedRows) };
}

export async function markAllNotificationsRead(db: Executor, staffId: number, now: Date): Promise<number> {
  const result = await db
    .updateTable("notification")
    .set({ read_at: now.toISOString() })
    .where("staff_id", "=", staffId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function presentNotification(row: Selectable<NotificationTable>): NotificationDto {
  return {
    id: row.id,
    kind: notificationKindSchema.parse(row.kind),
    title: row.title,
    body: row.body,
    link: row.link,
    requestId: row.request_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
