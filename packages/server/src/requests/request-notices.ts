import type { Request, RequestKind } from "@tobira/core";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { type NotificationNote, notify } from "../notifications/notify";
import type { LoadedAuthority } from "./load-approval-authority";
import { staffIdOfPerson } from "./request-people";

const kindNames: Record<RequestKind, string> = {
  overtimeOrder: "時間外勤務命令 / overtime order",
  overtimeResult: "時間外勤務実績 / overtime result",
  holidayWork: "休日勤務 / holiday work",
  leave: "休暇 / leave",
  punchCorrection: "打刻修正 / punch correction",
  compensatoryTime: "時間外勤務代休時間 / compensatory time",
};

/**
 * Tells the people a change concerns, in the transaction that makes it: whoever decides the step the
 * request now waits at (and their proxies), or the applicant when it came back, was approved or was
 * cancelled. Nothing is sent for a withdrawal, which only the applicant's side makes.
 */
export async function noticeRequestChange(
  trx: Executor,
  deps: Pick<Deps, "clock" | "config">,
  change: { id: number; applicantStaffId: number; request: Request },
  loaded: LoadedAuthority,
): Promise<void> {
  const { id, request, applicantStaffId } = change;
  const applicant = await trx
    .selectFrom("staff")
    .select(["family_name", "given_name"])
    .where("id", "=", applicantStaffId)
    .executeTakeFirst();
  const applicantName = applicant ? `${applicant.family_name} ${applicant.given_name}` : "";
  const what = kindNames[request.kind];
  const link = `/requests/${id}`;
  const state = request.state;
  const notes: NotificationNote[] = [];
  if (state.status === "pending" || state.status === "cancelPending") {
    const step = request.route[state.step];
    const deciders = loaded.approvers
      .filter((row) => row.step === step && row.departmentId === request.departmentId)
      .map((row) => row.personId);
    const proxies = loaded.proxies
      .filter((row) => deciders.includes(row.approverId))
      .map((row) => row.proxyId);
    const cancelling = state.status === "cancelPending";
    for (const personId of new Set([...deciders, ...proxies])) {
      const staffId = staffIdOfPerson(personId);
      if (staffId === null || staffId === applicantStaffId) continue;
      notes.push({
        staffId,
        kind: "request.toApprove",
        title: cancelling
          ? `取消の承認待ち: ${applicantName}さんの${what}\nA cancellation waits for your approval`
          : `承認待ち: ${applicantName}さんの${what}\nA request waits for your approval`,
        body: `${applicantName} / ${what}`,
        link,
        requestId: id,
      });
    }
  }
  const toApplicant = (kind: NotificationNote["kind"], title: string, reason?: string) =>
    notes.push({
      staffId: applicantStaffId,
      kind,
      title,
      body: reason === undefined ? what : `${what}\n${reason}`,
      link,
      requestId: id,
    });
  const last = request.history.at(-1);
  if (state.status === "returned")
    toApplicant("request.returned", `差戻し: ${what}\nReturned for correction`, last?.reason);
  if (state.status === "approved" && last?.action === "approve")
    toApplicant("request.approved", `承認されました: ${what}\nApproved`);
  if (state.status === "approved" && last?.action === "returnCancel") {
    toApplicant("request.returned", `取消は差し戻されました: ${what}\nCancellation returned`, last.reason);
  }
  if (state.status === "cancelled") toApplicant("request.cancelled", `取消されました: ${what}\nCancelled`);
  if (notes.length > 0) await notify(trx, notes, deps);
}
