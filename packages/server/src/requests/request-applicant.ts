import type { LocalDate, RequestContent } from "@tobira/core";
import type { Executor } from "../db/transaction";
import { AppError, notFound } from "../errors";
import { loadApprovalAuthority } from "./load-approval-authority";
import { type Applicant, toLeaveEmploymentType } from "./load-validation-facts";
import type { RequestCaller } from "./request-caller";
import { requireCallerPerson } from "./request-caller";

/** A staff member as an applicant today: employed, with a section. */
export async function loadApplicant(db: Executor, staffId: number, today: LocalDate): Promise<Applicant> {
  const staff = await db
    .selectFrom("staff")
    .select(["employment_type", "end_date"])
    .where("id", "=", staffId)
    .executeTakeFirst();
  if (!staff) throw notFound(`Staff member ${staffId}`);
  const assignment = await db
    .selectFrom("staff_assignment")
    .select("department_id")
    .where("staff_id", "=", staffId)
    .where("valid_from", "<=", today)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
    .orderBy("valid_from", "desc")
    .executeTakeFirst();
  if (!assignment) {
    throw new AppError(
      "conflict",
      `Staff member ${staffId} has no section today, so no approver can be found.`,
    );
  }
  return {
    staffId,
    departmentId: assignment.department_id,
    employmentType: toLeaveEmploymentType(staff.employment_type),
  };
}

/**
 * Whose request this is: the caller's own, or — for an overtime order only — a member of a section the
 * caller heads (所属長が命令する).
 */
export async function resolveApplicant(
  db: Executor,
  caller: RequestCaller,
  content: RequestContent,
  forStaffId: number | undefined,
  today: LocalDate,
): Promise<{ applicant: Applicant; actorId: string }> {
  const self = requireCallerPerson(caller);
  if (forStaffId === undefined || forStaffId === self.staffId) {
    return { applicant: await loadApplicant(db, self.staffId, today), actorId: self.personId };
  }
  if (content.kind !== "overtimeOrder") {
    throw new AppError("forbidden", "Only an overtime order can be entered for someone else.");
  }
  const applicant = await loadApplicant(db, forStaffId, today);
  const { authority } = await loadApprovalAuthority(db, today, [applicant.departmentId]);
  if (!authority.holdsStep(self.personId, "sectionHead", String(applicant.departmentId))) {
    throw new AppError("forbidden", "Only the person's section head can order their overtime.");
  }
  return { applicant, actorId: self.personId };
}
