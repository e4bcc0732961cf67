import type {
  ImportRowError,
  StaffImportPreview,
  StaffImportRequest,
  StaffImportResult,
} from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { prepareStaffImport } from "./prepare-staff-import";
import { readStaffFile } from "./read-staff-file";
import { writeImportPlan } from "./write-import-plan";

/** The dry run: what applying the file would add, change and end, and every problem in it. Writes nothing. */
export async function previewStaffImport(
  { db }: Pick<Deps, "db">,
  request: StaffImportRequest,
): Promise<StaffImportPreview> {
  const file = readStaffFile(request);
  const { plan, errors } = await prepareStaffImport(db, file, request);
  return {
    encoding: file.encoding,
    rowCount: file.rows.length,
    errors,
    adds: plan.adds.map((row) => ({
      staffNumber: row.staffNumber,
      name: formatName(row.familyName, row.givenName),
      departmentCode: row.department.code,
    })),
    changes: plan.changes.map((change) => ({
      staffNumber: change.staff.staffNumber,
      name: formatName(change.row.familyName, change.row.givenName),
      changes: change.changes,
    })),
    leavers: plan.leavers.map((staff) => ({
      staffNumber: staff.staffNumber,
      name: formatName(staff.fields.familyName, staff.fields.givenName),
    })),
    unchangedCount: plan.unchangedCount,
  };
}

function formatName(familyName: string, givenName: string): string {
  return `${familyName} ${givenName}`;
}

/**
 * Applies the file all-or-nothing: the plan is made again inside one transaction, and a single bad row
 * stops the whole import with `import_invalid` before anything is written.
 */
export async function applyStaffImport(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  request: StaffImportRequest,
): Promise<StaffImportResult> {
  const at = clock.now();
  const file = readStaffFile(request);
  return db.transaction().execute(async (trx) => {
    const { plan, errors } = await prepareStaffImport(trx, file, request);
    if (errors.length > 0) throw toImportInvalid(errors);
    await writeImportPlan(trx, plan, { ...request, at });
    const result = { added: plan.adds.length, changed: plan.changes.length, left: plan.leavers.length };
    await appendAudit(
      trx,
      {
        actor,
        action: "staff.imported",
        targetType: "staff",
        targetId: null,
        details: {
          fileName: request.fileName ?? null,
          encoding: file.encoding,
          rowCount: file.rows.length,
          ...result,
          unchanged: plan.unchangedCount,
          effectiveDate: request.effectiveDate,
          leaversEndDate: request.leaversEndDate,
          // Staff numbers and the names of changed fields only: the values are personal data.
          addedStaff: plan.adds.map((row) => row.staffNumber),
          changedStaff: plan.changes.map((change) => ({
            staffNumber: change.staff.staffNumber,
            fields: change.changes.map((item) => item.field),
          })),
          leftStaff: plan.leavers.map((staff) => staff.staffNumber),
        },
      },
      at,
    );
    return result;
  });
}

function toImportInvalid(errors: readonly ImportRowError[]): AppError {
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  return new AppError(
    "import_invalid",
    `The file has ${count}; nothing was imported.`,
    errors.map((error) => ({
      path: error.field === null ? `line ${error.line}` : `line ${error.line}: ${error.field}`,
      message: error.message,
    })),
  );
}
