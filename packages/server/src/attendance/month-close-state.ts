import type { Department, MonthCloseStateDto } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { AppError } from "../errors";
import { listDepartments } from "../org/department-repository";
import { listMonthCloses, type MonthCloseRow } from "./month-close-repository";
import { findMonthDepartmentId } from "./month-members";

/**
 * Whether a department's month is closed: by its own close or by one of a department above it (closing
 * 総務部 closes 総務課 too). The history is the department's own closes and reopenings.
 */
export async function readMonthCloseState(
  db: Executor,
  departmentId: number,
  month: string,
): Promise<MonthCloseStateDto & { openClose: MonthCloseRow | null }> {
  const lineage = lineageOf(await listDepartments(db), departmentId);
  const closes = await listMonthCloses(db, lineage, month);
  const closedByDepartmentId =
    lineage.find((id) => {
      const latest = closes.filter((close) => close.departmentId === id).at(-1);
      return latest !== undefined && latest.reopenedAt === null;
    }) ?? null;
  const own = closes.filter((close) => close.departmentId === departmentId);
  const latestOwn = own.at(-1);
  return {
    closed: closedByDepartmentId !== null,
    closedByDepartmentId,
    history: own.map(({ closedBy, closedAt, reopenedBy, reopenedAt, reopenReason }) => ({
      closedBy,
      closedAt,
      reopenedBy,
      reopenedAt,
      reopenReason,
    })),
    openClose: latestOwn && latestOwn.reopenedAt === null ? latestOwn : null,
  };
}

/** Refuses a change to a person's day once the month it falls in is closed for their department. */
export async function assertDayOpen(db: Executor, staffId: number, date: string): Promise<void> {
  const month = date.slice(0, 7);
  const departmentId = await findMonthDepartmentId(db, staffId, month);
  if (departmentId === null) return;
  const state = await readMonthCloseState(db, departmentId, month);
  if (state.closed) {
    throw new AppError(
      "conflict",
      `The month ${month} is closed; HR must reopen it before ${date} can change`,
    );
  }
}

/** The department and each one above it, nearest first. */
function lineageOf(departments: readonly Department[], departmentId: number): number[] {
  const lineage: number[] = [];
  let current: number | null = departmentId;
  while (current !== null && !lineage.includes(current)) {
    lineage.push(current);
    const id: number = current;
    current = departments.find((department) => department.id === id)?.parentId ?? null;
  }
  return lineage;
}
