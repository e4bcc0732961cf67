import { type AuditRecord, appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import { bumpAccessVersion } from "./access-version";
import { type JournalEntry, writeSnapshotJournal } from "./snapshot-journal";

/**
 * Every change to the access rules is audited and moves the snapshot version, in the caller's
 * transaction. `snapshotChanges` is what the change did to the snapshot when agents can apply it as a
 * delta (card status changes); left out, agents on an older version fetch the whole snapshot.
 */
export async function recordAccessChange(
  trx: Executor,
  record: AuditRecord,
  at: Date,
  snapshotChanges: JournalEntry = null,
): Promise<void> {
  const version = await bumpAccessVersion(trx);
  await writeSnapshotJournal(trx, version, snapshotChanges);
  await appendAudit(trx, { ...record, details: { ...record.details, accessVersion: version } }, at);
}
