import { useI18n } from "../../i18n/i18n";
import { ChainVerify } from "./chain-verify";

/** 改ざんの検証: one check for each hash chain, the admin changes and the door events. */
export function ChainChecks() {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t("audit.verifyHeading")}</h2>
      <p>{t("audit.verifyIntro")}</p>
      <ChainVerify chain="audit" heading={t("audit.chainAudit")} intro={t("audit.chainAuditIntro")} />
      <ChainVerify
        chain="accessEvents"
        heading={t("audit.chainAccessEvents")}
        intro={t("audit.chainAccessEventsIntro")}
      />
    </section>
  );
}
