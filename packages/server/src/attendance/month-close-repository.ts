import type { Executor } from "../db/transaction";

export interface MonthCloseRow {
  id: number;
  departmentId: number;
  closedBy: string;
  closedAt: string;
  reopenedBy: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
}

/** The closes of these departments' month, oldest first. */
export async function listMonthCloses(
  db: Executor,
  departmentIds: readonly number[],
  month: string,
): Promise<MonthCloseRow[]> {
  if (departmentIds.length === 0) return [];
  const rows = await db
    .selectFrom("attendance_month_close")
    .selectAll()
    .where("department_id", "in", departmentIds)
    .where("month", "=", month)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    departmentId: row.department_id,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    reopenedBy: row.reopened_by,
    reopenedAt: row.reopened_at,
    reopenReason: row.reopen_reason,
  }));
}

export async function insertMonthClose(
  db: Executor,
  departmentId: number,
  month: string,
  closed: { by: string; at: Date },
): Promise<void> {
  await db
    .insertInto("attendance_month_close")
    .values({ department_id: departmentId, month, closed_by: closed.by, closed_at: closed.at.toISOString() })
    .execute();
}

export async function markMonthReopened(
  db: Executor,
  closeId: number,
  reopened: { by: string; at: Date; reason: string },
): Promise<void> {
  await db
    .updateTable("attendance_month_close")
    .set({ reopened_by: reopened.by, reopened_at: reopened.at.toISOString(), reopen_reason: reopened.reason })
    .where("id", "=", closeId)
    .execute();
}
