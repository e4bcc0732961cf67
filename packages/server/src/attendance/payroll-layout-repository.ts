import { type PayrollLayout, payrollLayoutSchema } from "@tobira/protocol";
import { defaultPayrollLayout } from "../attendance-reports/payroll-file";
import type { Executor } from "../db/transaction";

const key = "payrollLayout";

/** The town's payroll layout, or the shipped one until HR saves their own. */
export async function readPayrollLayout(db: Executor): Promise<PayrollLayout> {
  const row = await db
    .selectFrom("attendance_setting")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirst();
  return row ? payrollLayoutSchema.parse(JSON.parse(row.value)) : defaultPayrollLayout;
}

export async function savePayrollLayout(
  db: Executor,
  layout: PayrollLayout,
  saved: { by: string; at: Date },
): Promise<void> {
  const values = { value: JSON.stringify(layout), updated_by: saved.by, updated_at: saved.at.toISOString() };
  await db
    .insertInto("attendance_setting")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}
