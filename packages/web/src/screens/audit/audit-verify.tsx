import type { AuditVerifyResult } from "@tobira/protocol";
import { useState } from "react";
import { verifyAudit } from "../../api/audit";
import { ErrorSummary } from "../../components/error-summary";
import { StatusMessage } from "../../components/status-message";
import { formatCount } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";

/** Recomputes the hash chain on the server and says whether anything was changed, removed or reordered. */
export function AuditVerify() {
  const { t, language } = useI18n();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function handleVerify() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyAudit());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t("audit.verifyHeading")}</h2>
      <p id="verify-description">{t("audit.verifyIntro")}</p>
      <button
        type="button"
        className="button"
        onClick={handleVerify}
        disabled={busy}
        aria-describedby="verify-description"
      >
        {t("audit.verify")}
      </button>
      <ErrorSummary error={error} />
      <StatusMessage>
        {busy ? t("audit.verifying") : null}
        {result !== null ? (
          <div
            className={result.ok ? "verify-result verify-result--ok" : "verify-result verify-result--broken"}
          >
            <p>
              <strong>
                {result.ok
                  ? t("audit.verifyOk", { count: formatCount(result.count, language) })
                  : t("audit.verifyBroken", {
                      seq: result.brokenAt === null ? "—" : String(result.brokenAt),
                      count: formatCount(result.count, language),
                    })}
              </strong>
            </p>
            {result.message !== "" ? (
              <p className="error-summary__detail">
                {t("error.detail")}: <span lang="en">{result.message}</span>
              </p>
            ) : null}
          </div>
        ) : null}
      </StatusMessage>
    </section>
  );
}
