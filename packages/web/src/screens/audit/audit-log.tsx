import { type FormEvent, useState } from "react";
import { TextField } from "../../components/form-fields";
import { PageHeading } from "../../components/page-heading";
import { useI18n } from "../../i18n/i18n";
import { AuditEntries } from "./audit-entries";
import { ChainChecks } from "./chain-checks";

/** 監査ログ: every admin change in the hash chain, newest first, with checks of both hash chains. */
export function AuditLogScreen() {
  const { t } = useI18n();
  const [actionInput, setActionInput] = useState("");
  const [action, setAction] = useState("");

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAction(actionInput.trim());
  }

  return (
    <>
      <PageHeading title={t("audit.title")} />
      <ChainChecks />
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("audit.entriesHeading")}</h2>
        <search aria-label={t("audit.filterForm")}>
          <form onSubmit={handleFilter} className="search-form">
            <TextField
              id="audit-action"
              label={t("audit.filterAction")}
              hint={t("audit.filterActionHint")}
              value={actionInput}
              maxLength={64}
              onChange={(event) => setActionInput(event.target.value)}
              autoComplete="off"
            />
            <div className="button-row">
              <button type="submit" className="button button--secondary">
                {t("audit.filterSubmit")}
              </button>
            </div>
          </form>
        </search>
        <AuditEntries key={action} action={action} />
      </section>
    </>
  );
}
