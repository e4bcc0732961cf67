import { type AuditRecord, appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import { bumpAccessVersion } from "./access-version";

/** Every change to the access rules is audited and moves the snapshot version, in the caller's transaction. */
export async function recordAccessChange(trx: Executor, record: AuditRecord, at: Date): Promise<void> {
  const version = await bumpAccessVersion(trx);
  await appendAudit(trx, { ...record, details: { ...record.details, accessVersion: version } }, at);
}
