import {
  can,
  defaultWorkRules,
  formatWareki,
  type RuleVersionDto,
  type RuleVersionInput,
  toWareki,
} from "@tobira/protocol";
import { useState } from "react";
import { deleteRuleVersion, listRuleVersions } from "../../api/attendance-rules";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatInstant, formatLocalDate, todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AttendanceBreadcrumb } from "./attendance-breadcrumb";
import { findVersionInForce } from "./rule-fields";
import { RuleForm } from "./rule-form";
import { RuleSummary } from "./rule-summary";

type Mode = { kind: "view" } | { kind: "new" } | { kind: "edit"; version: RuleVersionDto };

/** 勤務の規則: the rule versions by 施行日; HR adds a version or changes one not yet in force. */
export function RulesScreen() {
  const { t, language } = useI18n();
  const user = useUser();
  const manage = can(user, "attendanceRules.manage");
  const versions = useQuery("attendance-rules", (signal) => listRuleVersions(signal));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const removal = useAction();
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const today = todayInTokyo();
  const items = versions.data === undefined ? undefined : sortNewestFirst(versions.data);
  const inForce = items === undefined ? undefined : findVersionInForce(items, today);
  const selected = items?.find((version) => version.id === selectedId) ?? inForce ?? items?.[0];

  function saved(version: RuleVersionDto, message: string) {
    setSelectedId(version.id);
    setMode({ kind: "view" });
    setSavedMessage(message);
    versions.reload();
  }

  function startNew() {
    removal.clear();
    setSavedMessage(null);
    setMode({ kind: "new" });
  }

  async function remove(version: RuleVersionDto) {
    const date = formatLocalDate(version.effectiveFrom, language);
    setSavedMessage(null);
    if (!window.confirm(t("rules.confirmDelete", { date }))) return;
    const ok = await removal.run(async () => {
      await deleteRuleVersion(version.id);
      return t("rules.deleted", { date });
    });
    if (ok) {
      setSelectedId(null);
      versions.reload();
    }
  }

  const newInitial: RuleVersionInput = {
    effectiveFrom: "",
    rules: (inForce ?? items?.[0])?.rules ?? defaultWorkRules,
  };

  return (
    <>
      <AttendanceBreadcrumb />
      <PageHeading title={t("attendance.rules")} />
      <p className="lead">{t("rules.intro")}</p>
      <ErrorSummary error={versions.error ?? removal.error} />
      <StatusMessage>{removal.message ?? savedMessage}</StatusMessage>
      {versions.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("rules.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table rule-versions">
            <caption>{t("rules.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rules.effectiveFrom")}</th>
                <th scope="col">{t("rules.state")}</th>
                <th scope="col">{t("rules.createdBy")}</th>
                <th scope="col">{t("rules.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((version) => {
                const date = formatLocalDate(version.effectiveFrom, language);
                const future = version.effectiveFrom > today;
                return (
                  <tr key={version.id} aria-current={version.id === selected?.id ? "true" : undefined}>
                    <th scope="row">
                      {date}
                      <span className="wareki">{describeWareki(version.effectiveFrom, language)}</span>
                    </th>
                    <td>
                      {version.id === inForce?.id ? (
                        <span className="badge badge--current">{t("rules.current")}</span>
                      ) : future ? (
                        <span className="badge">{t("rules.future")}</span>
                      ) : (
                        <span className="badge">{t("rules.past")}</span>
                      )}
                    </td>
                    <td>
                      {version.createdBy}
                      <span className="muted"> {formatInstant(version.createdAt, language)}</span>
                    </td>
                    <td className="rule-versions__actions">
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-pressed={version.id === selected?.id}
                        onClick={() => {
                          setSelectedId(version.id);
                          setMode({ kind: "view" });
                        }}
                      >
                        {t("rules.show", { date })}
                      </button>
                      {manage && future ? (
                        <>
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => {
                              removal.clear();
                              setSavedMessage(null);
                              setMode({ kind: "edit", version });
                            }}
                          >
                            {t("rules.edit", { date })}
                          </button>
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={removal.busy}
                            onClick={() => void remove(version)}
                          >
                            {t("rules.delete", { date })}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {manage && mode.kind === "view" && items !== undefined ? (
        <div className="button-row">
          <button type="button" className="button" onClick={startNew}>
            {t("rules.new")}
          </button>
        </div>
      ) : null}
      {mode.kind === "new" ? (
        <RuleForm
          key="new"
          initial={newInitial}
          editing={null}
          onSaved={saved}
          onCancel={() => setMode({ kind: "view" })}
        />
      ) : null}
      {mode.kind === "edit" ? (
        <RuleForm
          key={`edit-${mode.version.id}`}
          initial={{ effectiveFrom: mode.version.effectiveFrom, rules: mode.version.rules }}
          editing={mode.version}
          onSaved={saved}
          onCancel={() => setMode({ kind: "view" })}
        />
      ) : null}
      {mode.kind === "view" && selected !== undefined ? (
        <section className="panel" aria-labelledby="rule-detail-heading">
          <h2 id="rule-detail-heading">
            {t("rules.detailHeading", { date: formatLocalDate(selected.effectiveFrom, language) })}
            {selected.id === inForce?.id ? (
              <span className="badge badge--current">{t("rules.current")}</span>
            ) : null}
          </h2>
          <RuleSummary rules={selected.rules} />
        </section>
      ) : null}
    </>
  );
}

function sortNewestFirst(versions: readonly RuleVersionDto[]): RuleVersionDto[] {
  return versions.toSorted((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
}

/** The 施行日 in 和暦 as the ordinance writes it ("令和9年4月1日"), or the era year in English ("Reiwa 9"). */
function describeWareki(date: string, language: "ja" | "en"): string {
  if (language === "ja") return formatWareki(date);
  const { eraEn, year } = toWareki(date);
  return `${eraEn} ${year}`;
}
