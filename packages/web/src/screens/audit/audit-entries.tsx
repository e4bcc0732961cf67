import type { AuditEntry } from "@tobira/protocol";
import { useState } from "react";
import { listAudit } from "../../api/audit";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { AuditTable } from "./audit-table";

const pageSize = 100;

/** The newest entries first; older ones load on request, continuing from the last one shown. */
export function AuditEntries({ action }: { action: string }) {
  const { t } = useI18n();
  const first = useQuery(`audit-${action}`, (signal) =>
    listAudit({ before: null, action, limit: pageSize }, signal),
  );
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [olderError, setOlderError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [exhausted, setExhausted] = useState(false);

  const entries = [...(first.data ?? []), ...older];
  const last = entries.at(-1);
  const hasMore = !exhausted && first.data !== undefined && first.data.length === pageSize;

  async function loadOlder() {
    if (last === undefined) return;
    setBusy(true);
    setOlderError(null);
    try {
      const page = await listAudit({ before: last.seq, action, limit: pageSize });
      setOlder((current) => [...current, ...page]);
      if (page.length < pageSize) setExhausted(true);
    } catch (failure) {
      setOlderError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary error={first.error ?? olderError} />
      {first.loading ? <Loading /> : null}
      {first.data !== undefined && entries.length === 0 ? <p className="empty">{t("audit.empty")}</p> : null}
      {entries.length > 0 ? <AuditTable entries={entries} /> : null}
      {hasMore ? (
        <button type="button" className="button button--secondary" onClick={loadOlder} disabled={busy}>
          {t("audit.older")}
        </button>
      ) : null}
    </>
  );
}
