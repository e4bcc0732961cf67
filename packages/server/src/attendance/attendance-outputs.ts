import { defaultLeaveTypes } from "@tobira/core";
import type { AttendanceBook, PayrollLayout } from "@tobira/protocol";
import type { MonthReport, ReportFile, ReportPersonMonth } from "../attendance-reports/month-report";
import { writePayrollFile } from "../attendance-reports/payroll-file";
import { writeBook } from "../attendance-reports/write-book";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { findDepartment } from "../org/department-repository";
import { visitDepartmentMonths } from "./department-month";
import { readMonthCloseState } from "./month-close-state";
import { readPayrollLayout, savePayrollLayout } from "./payroll-layout-repository";

type OutputDeps = Pick<Deps, "db" | "clock">;

/** 出勤簿, 時間外勤務命令簿 or 休暇処理簿 for a department's month, as PDF or Excel. */
export async function exportBook(
  deps: OutputDeps,
  departmentId: number,
  month: string,
  book: AttendanceBook,
  format: "pdf" | "xlsx",
): Promise<ReportFile> {
  return writeBook(book, format, await buildMonthReport(deps, departmentId, month));
}

/**
 * The payroll file of a closed month, in the town's layout (its encoding unless one is asked for).
 * Exporting is audited: the file carries everyone's hours to another system.
 */
export async function exportPayroll(
  deps: OutputDeps,
  actor: string,
  departmentId: number,
  month: string,
  encoding: PayrollLayout["encoding"] | undefined,
): Promise<ReportFile> {
  const state = await readMonthCloseState(deps.db, departmentId, month);
  if (!state.closed)
    throw new AppError("conflict", `${month} is not closed; payroll is exported from a closed month`);
  const layout = await readPayrollLayout(deps.db);
  const report = await buildMonthReport(deps, departmentId, month);
  const file = writePayrollFile(report, { ...layout, encoding: encoding ?? layout.encoding });
  await deps.db.transaction().execute(async (trx) => {
    await appendAudit(
      trx,
      {
        actor,
        action: "attendance.payrollExported",
        targetType: "department",
        targetId: departmentId,
        details: { month, people: report.people.length },
      },
      deps.clock.now(),
    );
  });
  return file;
}

export async function changePayrollLayout(
  { db, clock }: OutputDeps,
  actor: string,
  layout: PayrollLayout,
): Promise<PayrollLayout> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await readPayrollLayout(trx);
    await savePayrollLayout(trx, layout, { by: actor, at: now });
    await appendAudit(
      trx,
      {
        actor,
        action: "attendance.payrollLayoutChanged",
        targetType: "setting",
        targetId: null,
        details: { before, after: layout },
      },
      now,
    );
  });
  return layout;
}

async function buildMonthReport(deps: OutputDeps, departmentId: number, month: string): Promise<MonthReport> {
  const department = await findDepartment(deps.db, departmentId);
  if (!department) throw notFound(`Department ${departmentId}`);
  const people: ReportPersonMonth[] = [];
  await visitDepartmentMonths(deps, departmentId, month, (member, computed) => {
    people.push({
      person: {
        staffId: member.staffId,
        staffNumber: member.staffNumber,
        name: member.name,
        departmentCode: member.departmentCode,
        departmentName: member.departmentName,
        employmentType: member.employmentType,
      },
      month: computed,
    });
  });
  return {
    department: { id: department.id, code: department.code, name: department.name },
    month,
    printedAt: deps.clock.now(),
    people,
    leaveTypeNames: new Map(defaultLeaveTypes.map((type) => [type.code, type.name])),
  };
}
