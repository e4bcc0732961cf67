import type { AuditVerifyResult, ChainHead } from "@tobira/protocol";
import { formatCount } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";

interface ChainVerifyResultProps {
  result: AuditVerifyResult;
  /** The head the auditor gave for this check, if any. */
  notedHead: ChainHead | null;
}

/** What one check found; for an intact chain, the head to note for the next check. */
export function ChainVerifyResult({ result, notedHead }: ChainVerifyResultProps) {
  const { t, language } = useI18n();
  const count = formatCount(result.count, language);

  if (!result.ok) {
    return (
      <div className="verify-result verify-result--broken">
        <p>
          <strong>{brokenLine(result, notedHead, count, t)}</strong>
        </p>
        {notedHead !== null ? <p>{t("audit.headNotConfirmed", { seq: String(notedHead.seq) })}</p> : null}
        {result.message !== "" ? (
          <p className="error-summary__detail">
            {t("error.detail")}: <span lang="en">{result.message}</span>
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="verify-result verify-result--ok">
      <p>
        <strong>{t("audit.verifyOk", { count })}</strong>
      </p>
      {notedHead !== null ? <p>{t("audit.headMatched", { seq: String(notedHead.seq) })}</p> : null}
      {result.head !== null ? <HeadToNote head={result.head} /> : <p>{t("audit.headEmpty")}</p>}
    </div>
  );
}

/** What broke, in words: a cut-off end and a replaced head are told apart from a broken link. */
function brokenLine(
  result: AuditVerifyResult,
  notedHead: ChainHead | null,
  count: string,
  t: ReturnType<typeof useI18n>["t"],
): string {
  const seq = result.brokenAt === null ? "—" : String(result.brokenAt);
  if (notedHead !== null && result.reason === "head_missing")
    return t("audit.verifyCutOff", { seq: String(notedHead.seq), end: String(result.count) });
  if (notedHead !== null && result.reason === "head_mismatch")
    return t("audit.verifyRebuilt", { seq: String(notedHead.seq) });
  return t("audit.verifyBroken", { seq, count });
}

/** The head as one line, its hash in full and easy to select, and why to keep it outside the system. */
function HeadToNote({ head }: { head: ChainHead }) {
  const { t } = useI18n();
  // The sentence is translated whole; the hash is set into it as its own element.
  const [before = "", after = ""] = t("audit.headShown", { seq: String(head.seq) }).split("{hash}");
  return (
    <>
      <p className="chain-head">
        {before}
        <code className="chain-head__hash" translate="no">
          {head.hash}
        </code>
        {after}
      </p>
      <p>{t("audit.headNote")}</p>
    </>
  );
}
