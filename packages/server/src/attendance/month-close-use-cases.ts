import { toLocalDate } from "@tobira/core";
import type { MonthCloseStateDto } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { enqueueWebhookEvent } from "../integration/enqueue-webhook-event";
import { findDepartment } from "../org/department-repository";
import { listDepartmentProblems } from "./department-month";
import { insertMonthClose, markMonthReopened } from "./month-close-repository";
import { readMonthCloseState } from "./month-close-state";
import { findMonthRange } from "./month-dates";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

const problemLabels = {
  missing_clock_in: "missing clock-in",
  missing_clock_out: "missing clock-out",
  overtime_without_order: "overtime without an order",
  divergence: "presence beyond declared work without a reason",
} as const;

/**
 * Closes (締め) a department's month once it has ended and no day of anyone in it has an unresolved
 * problem; the refusal lists every problem. A closed month takes no more entries until HR reopens it.
 */
export async function closeDepartmentMonth(
  deps: UseCaseDeps,
  actor: string,
  departmentId: number,
  month: string,
): Promise<MonthCloseStateDto> {
  const now = deps.clock.now();
  if (!(await findDepartment(deps.db, departmentId))) throw notFound(`Department ${departmentId}`);
  if (toLocalDate(now) <= findMonthRange(month).last) {
    throw new AppError("conflict", `${month} has not ended yet; a month is closed after its last day`);
  }
  const problems = await listDepartmentProblems(deps, departmentId, month);
  if (problems.length > 0) {
    throw new AppError(
      "conflict",
      `${problems.length} day(s) still have a problem to resolve before ${month} can be closed`,
      problems.map(({ staffId, staffNumber, name, date, problem }) => ({
        path: `staff/${staffId}/${date}`,
        message: `${staffNumber} ${name} ${date}: ${problemLabels[problem.kind]}`,
      })),
    );
  }
  await deps.db.transaction().execute(async (trx) => {
    const state = await readMonthCloseState(trx, departmentId, month);
    if (state.closed) throw new AppError("conflict", `${month} is already closed`);
    await insertMonthClose(trx, departmentId, month, { by: actor, at: now });
    await appendAudit(
      trx,
      {
        actor,
        action: "attendance.monthClosed",
        targetType: "department",
        targetId: departmentId,
        details: { month },
      },
      now,
    );
    await enqueueWebhookEvent(trx, {
      type: "month.closed",
      payload: { departmentId, month, closedBy: actor },
      occurredAt: now,
    });
  });
  return publicState(await readMonthCloseState(deps.db, departmentId, month));
}

/** HR reopens a month the department itself closed, giving the reason; the close stays in the history. */
export async function reopenDepartmentMonth(
  deps: UseCaseDeps,
  actor: string,
  departmentId: number,
  month: string,
  reason: string,
): Promise<MonthCloseStateDto> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await findDepartment(trx, departmentId))) throw notFound(`Department ${departmentId}`);
    const state = await readMonthCloseState(trx, departmentId, month);
    if (!state.openClose) {
      throw new AppError(
        "conflict",
        state.closed
          ? `${month} was closed for a department above this one; reopen it there`
          : `${month} is not closed`,
      );
    }
    await markMonthReopened(trx, state.openClose.id, { by: actor, at: now, reason });
    await appendAudit(
      trx,
      {
        actor,
        action: "attendance.monthReopened",
        targetType: "department",
        targetId: departmentId,
        details: { month, reason },
      },
      now,
    );
    await enqueueWebhookEvent(trx, {
      type: "month.reopened",
      payload: { departmentId, month, reopenedBy: actor, reason },
      occurredAt: now,
    });
  });
  return publicState(await readMonthCloseState(deps.db, departmentId, month));
}

function publicState({ closed, closedByDepartmentId, history }: MonthCloseStateDto): MonthCloseStateDto {
  return { closed, closedByDepartmentId, history };
}
