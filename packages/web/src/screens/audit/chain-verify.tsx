import type { AuditVerifyResult, ChainHead } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { verifyAccessEventChain, verifyAuditChain } from "../../api/audit";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { parseChainHead } from "./chain-head-input";
import { ChainVerifyResult } from "./chain-verify-result";

/** The two hash chains: admin changes (監査ログ) and door events (入退室記録). */
export type HashChain = "audit" | "accessEvents";

const verifiers: Record<HashChain, (head: ChainHead | null) => Promise<AuditVerifyResult>> = {
  audit: verifyAuditChain,
  accessEvents: verifyAccessEventChain,
};

interface ChainVerifyProps {
  chain: HashChain;
  heading: string;
  intro: string;
}

interface Checked {
  result: AuditVerifyResult;
  notedHead: ChainHead | null;
}

/**
 * Recomputes one hash chain on the server and says whether anything was changed, removed or reordered;
 * with a head noted earlier, also whether the newest entries were cut off.
 */
export function ChainVerify({ chain, heading, intro }: ChainVerifyProps) {
  const { t } = useI18n();
  const [headText, setHeadText] = useState("");
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = (part: string) => `verify-${chain}-${part}`;

  const head = parseChainHead(headText);

  async function handleVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!head.ok || busy) return;
    setBusy(true);
    setError(null);
    setChecked(null);
    try {
      setChecked({ result: await verifiers[chain](head.head), notedHead: head.head });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="subpanel" aria-labelledby={id("heading")}>
      <h3 id={id("heading")}>{heading}</h3>
      <p id={id("description")}>{intro}</p>
      <form onSubmit={handleVerify} noValidate>
        <TextField
          id={id("head")}
          label={t("audit.headLabel")}
          hint={t("audit.headHint")}
          error={head.ok ? undefined : t(head.error)}
          value={headText}
          onChange={(event) => setHeadText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="input-chain-head"
        />
        <button
          type="submit"
          className="button"
          disabled={busy || !head.ok}
          aria-describedby={id("description")}
        >
          {t("audit.verify", { chain: heading })}
        </button>
      </form>
      <ErrorSummary error={error} />
      <StatusMessage>
        {busy ? t("audit.verifying") : null}
        {checked !== null ? (
          <ChainVerifyResult result={checked.result} notedHead={checked.notedHead} />
        ) : null}
      </StatusMessage>
    </section>
  );
}
