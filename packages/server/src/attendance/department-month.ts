import type {
  DepartmentMonthDto,
  DepartmentMonthProblemDto,
  DepartmentMonthStaffDto,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { findDepartment } from "../org/department-repository";
import type { StaffMonth } from "./compute-staff-month";
import { computeStaffMonths } from "./compute-staff-months";
import { readMonthCloseState } from "./month-close-state";
import { listMonthMembers, type MonthMember } from "./month-members";
import { computeCapStatuses } from "./overtime-cap-status";

/** Each member's computed month, in staff-number order. */
export async function visitDepartmentMonths(
  deps: Pick<Deps, "db">,
  departmentId: number,
  month: string,
  visit: (member: MonthMember, computed: StaffMonth) => void | Promise<void>,
): Promise<void> {
  if (!(await findDepartment(deps.db, departmentId))) throw notFound(`Department ${departmentId}`);
  const members = await listMonthMembers(deps.db, departmentId, month);
  const byId = new Map(members.map((member) => [member.staffId, member]));
  await computeStaffMonths(
    deps,
    members.map((member) => member.staffId),
    month,
    async (computed) => {
      const member = byId.get(computed.staffId);
      if (member) await visit(member, computed);
    },
  );
}

/** Every unresolved problem of the department's month, by staff number then date. */
export async function listDepartmentProblems(
  deps: Pick<Deps, "db">,
  departmentId: number,
  month: string,
): Promise<DepartmentMonthProblemDto[]> {
  const problems: DepartmentMonthProblemDto[] = [];
  await visitDepartmentMonths(deps, departmentId, month, (member, computed) => {
    problems.push(...listProblems(member, computed));
  });
  return problems;
}

/** The department's month for section heads and HR: members, totals, caps, problems and the close. */
export async function readDepartmentMonth(
  deps: Pick<Deps, "db">,
  departmentId: number,
  month: string,
): Promise<DepartmentMonthDto> {
  const department = await findDepartment(deps.db, departmentId);
  if (!department) throw notFound(`Department ${departmentId}`);
  const summaries: { member: MonthMember; totals: StaffMonth["totals"]; sums: DaySums }[] = [];
  const problems: DepartmentMonthProblemDto[] = [];
  await visitDepartmentMonths(deps, departmentId, month, (member, computed) => {
    problems.push(...listProblems(member, computed));
    summaries.push({ member, totals: computed.totals, sums: sumDays(computed) });
  });
  const caps = await computeCapStatuses(
    deps,
    summaries.map(({ member, totals }) => ({
      staffId: member.staffId,
      departmentId: member.departmentId,
      monthMinutes: totals.capMinutes,
    })),
    month,
  );
  const staff: DepartmentMonthStaffDto[] = [];
  for (const { member, totals, sums } of summaries) {
    const status = caps.get(member.staffId);
    if (!status) throw new Error(`no cap status was computed for staff ${member.staffId}`);
    staff.push({
      staffId: member.staffId,
      staffNumber: member.staffNumber,
      name: member.name,
      departmentName: member.departmentName,
      employmentType: member.employmentType,
      ...sums,
      totals,
      problemCount: problems.filter((problem) => problem.staffId === member.staffId).length,
      caps: status,
    });
  }
  const close = await readMonthCloseState(deps.db, departmentId, month);
  return {
    department: { id: department.id, name: department.name },
    month,
    close: { closed: close.closed, closedByDepartmentId: close.closedByDepartmentId, history: close.history },
    staff,
    problems,
  };
}

interface DaySums {
  scheduledMinutes: number;
  workedMinutes: number;
  leaveMinutes: number;
}

export function sumDays(month: Pick<StaffMonth, "days">): DaySums {
  const sums: DaySums = { scheduledMinutes: 0, workedMinutes: 0, leaveMinutes: 0 };
  for (const day of month.days) {
    sums.scheduledMinutes += day.scheduledMinutes;
    sums.workedMinutes += day.workedMinutes;
    sums.leaveMinutes += day.leaveMinutes;
  }
  return sums;
}

function listProblems(member: MonthMember, computed: StaffMonth): DepartmentMonthProblemDto[] {
  return computed.days.flatMap((day) =>
    day.problems.map((problem) => ({
      staffId: member.staffId,
      staffNumber: member.staffNumber,
      name: member.name,
      date: day.date,
      problem,
    })),
  );
}
