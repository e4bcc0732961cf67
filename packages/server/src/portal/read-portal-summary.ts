import { toLocalDate } from "@tobira/core";
import type { PortalSummaryDto } from "@tobira/protocol";
import { readStaffMonth } from "../attendance/read-staff-month";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { countUnreadNotifications } from "../notifications/notification-repository";
import { readAnnualLeaveBalance } from "../requests/leave-balance";
import { listMyCards } from "./my-cards";

/** What the portal's first page shows the signed-in person about themself. */
export async function readPortalSummary(
  deps: Pick<Deps, "db" | "clock">,
  staffId: number,
): Promise<PortalSummaryDto> {
  const now = deps.clock.now();
  const [annualLeave, overtime, pendingRequests, unreadNotifications, cards] = await Promise.all([
    readAnnualLeave(deps.db, staffId, toLocalDate(now)),
    readMonthOvertime(deps, staffId, toLocalDate(now).slice(0, 7)),
    countPendingRequests(deps.db, staffId),
    countUnreadNotifications(deps.db, staffId),
    listMyCards(deps.db, staffId, now),
  ]);
  return { annualLeave, overtime, pendingRequests, unreadNotifications, cards };
}

async function readAnnualLeave(
  db: Executor,
  staffId: number,
  date: string,
): Promise<PortalSummaryDto["annualLeave"]> {
  const balance = await readAnnualLeaveBalance(db, staffId, date);
  if (balance === null) return null;
  return {
    leaveYear: balance.leaveYear,
    grantedMinutes: balance.grantedMinutes,
    carriedMinutes: balance.carriedMinutes,
    usedMinutes: balance.usedMinutes,
    remainingMinutes: balance.remainingMinutes,
    remaining: balance.remainingDaysAndHours,
    carriedRemainingMinutes: balance.carriedRemainingMinutes,
  };
}

async function readMonthOvertime(
  deps: Pick<Deps, "db">,
  staffId: number,
  month: string,
): Promise<PortalSummaryDto["overtime"]> {
  try {
    const { caps } = await readStaffMonth(deps, staffId, month);
    return {
      month,
      monthMinutes: caps.monthMinutes,
      monthCapMinutes: caps.monthCapMinutes,
      fiscalYearMinutes: caps.fiscalYearMinutes,
      fiscalYearCapMinutes: caps.fiscalYearCapMinutes,
      health: caps.health,
    };
  } catch (error) {
    // No working-time rules in force yet: the rest of the page is still worth showing.
    if (error instanceof AppError && error.id === "not_found") return null;
    throw error;
  }
}

/** My requests waiting for a decision (a new request, or a cancellation of an approved one). */
async function countPendingRequests(db: Executor, staffId: number): Promise<number> {
  const row = await db
    .selectFrom("request")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("staff_id", "=", staffId)
    .where("status", "in", ["pending", "cancelPending"])
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
