import { type FormEvent, useState } from "react";
import {
  type ApprovalProxyEntry,
  createApprovalProxy,
  deleteApprovalProxy,
  listAllApprovalProxies,
} from "../../api/request-admin";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StaffPicker } from "../../components/staff-picker";
import { StatusMessage } from "../../components/status-message";
import { formatLocalDate } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import {
  checkProxyDraft,
  emptyProxyDraft,
  type ProxyDraft,
  type ProxyField,
  type ProxyProblem,
  proxyFields,
  toProxyInput,
  visibleProxyProblems,
} from "./proxy-draft";
import { type ProxyServerProblem, proxyProblemsFromServer } from "./proxy-server-problems";
import { RequestAdminNav } from "./request-admin-nav";

/** 代決者: who approves for a section head while they are away, and for which days (HR). */
export function ApprovalProxiesScreen() {
  const { t, language } = useI18n();
  const proxies = useQuery("approval-proxies", (signal) => listAllApprovalProxies(signal));
  const removal = useAction();
  const items = proxies.data;

  async function remove(entry: ApprovalProxyEntry) {
    const names = { approver: entry.approverName, proxy: entry.proxyName };
    const period = { from: formatLocalDate(entry.from, language), to: formatLocalDate(entry.to, language) };
    if (!window.confirm(t("requestAdmin.proxies.confirmDelete", { ...names, ...period }))) return;
    const ok = await removal.run(async () => {
      await deleteApprovalProxy(entry.id);
      return t("requestAdmin.proxies.deleted", names);
    });
    if (ok) proxies.reload();
  }

  return (
    <>
      <RequestAdminNav />
      <PageHeading title={t("requestAdmin.proxies")} />
      <p className="lead">{t("requestAdmin.proxies.intro")}</p>
      <ErrorSummary error={proxies.error ?? removal.error} />
      <StatusMessage>{removal.message}</StatusMessage>
      {proxies.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? (
        <p className="empty">{t("requestAdmin.proxies.none")}</p>
      ) : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("requestAdmin.proxies.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requestAdmin.proxies.approver")}</th>
                <th scope="col">{t("requestAdmin.proxies.proxy")}</th>
                <th scope="col">{t("requestAdmin.proxies.from")}</th>
                <th scope="col">{t("requestAdmin.proxies.to")}</th>
                <th scope="col">{t("requestAdmin.proxies.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.approverName}</th>
                  <td>{entry.proxyName}</td>
                  <td>{formatLocalDate(entry.from, language)}</td>
                  <td>{formatLocalDate(entry.to, language)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={removal.busy}
                      onClick={() => void remove(entry)}
                    >
                      {t("requestAdmin.proxies.delete", {
                        approver: entry.approverName,
                        proxy: entry.proxyName,
                      })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ProxyForm onAdded={proxies.reload} />
    </>
  );
}

const controlIds: Record<ProxyField, string> = {
  approver: "proxy-approver",
  proxy: "proxy-proxy",
  from: "proxy-from",
  to: "proxy-to",
};

const problemKeys: Record<Exclude<ProxyProblem, "missing">, MessageKey> = {
  sameAsApprover: "requestAdmin.proxies.sameAsApprover",
  toBeforeFrom: "requestAdmin.proxies.toBeforeFrom",
};

function problemText(problem: ProxyProblem, t: Translate): string {
  return problem === "missing" ? t("form.missing") : t(problemKeys[problem]);
}

function serverProblemText(problem: ProxyServerProblem, t: Translate): string {
  switch (problem.code) {
    case "overlap":
      return t("requestAdmin.proxies.overlap");
    case "other":
      return problem.message;
    default:
      return t(problemKeys[problem.code]);
  }
}

function fieldLabel(field: ProxyField, t: Translate): string {
  switch (field) {
    case "approver":
      return t("requestAdmin.proxies.approver");
    case "proxy":
      return t("requestAdmin.proxies.proxy");
    case "from":
      return t("requestAdmin.proxies.from");
    case "to":
      return t("requestAdmin.proxies.to");
  }
}

function ProxyForm({ onAdded }: { onAdded: () => void }) {
  const { t, language } = useI18n();
  const action = useAction();
  const [draft, setDraft] = useState<ProxyDraft>(emptyProxyDraft);
  const [submitted, setSubmitted] = useState(false);
  // A new form (after a success) starts its pickers empty.
  const [generation, setGeneration] = useState(0);

  const shown = visibleProxyProblems(checkProxyDraft(draft), submitted);
  const server = proxyProblemsFromServer(action.error);
  const messageFor = (field: ProxyField): string | undefined => {
    const own = shown[field];
    if (own !== undefined) return problemText(own, t);
    const fromServer = server.fields[field];
    return fromServer === undefined ? undefined : serverProblemText(fromServer, t);
  };
  const problems: FieldProblem[] = proxyFields.flatMap((field) => {
    const message = messageFor(field);
    return message === undefined ? [] : [{ id: controlIds[field], label: fieldLabel(field, t), message }];
  });

  function change(next: Partial<ProxyDraft>) {
    setDraft((current) => ({ ...current, ...next }));
    action.clear();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const input = toProxyInput(draft);
    if (input === null || draft.approver === null || draft.proxy === null) return;
    const message = t("requestAdmin.proxies.added", {
      approver: draft.approver.name,
      proxy: draft.proxy.name,
      from: formatLocalDate(input.from, language),
      to: formatLocalDate(input.to, language),
    });
    const ok = await action.run(async () => {
      await createApprovalProxy(input);
      return message;
    });
    if (!ok) return;
    setDraft(emptyProxyDraft);
    setSubmitted(false);
    setGeneration((value) => value + 1);
    onAdded();
  }

  return (
    <section className="panel" aria-labelledby="proxy-form-heading">
      <h2 id="proxy-form-heading">{t("requestAdmin.proxies.addHeading")}</h2>
      <ErrorSummary error={server.rest} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <fieldset>
          <legend>{t("requestAdmin.proxies.approver")}</legend>
          <p className="field__hint">{t("requestAdmin.proxies.approverHint")}</p>
          <StaffPicker
            key={`approver-${generation}`}
            id={controlIds.approver}
            label={t("requestAdmin.proxies.approver")}
            value={draft.approver}
            onChange={(approver) => change({ approver })}
            error={messageFor("approver")}
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t("requestAdmin.proxies.proxy")}</legend>
          <p className="field__hint">{t("requestAdmin.proxies.proxyHint")}</p>
          <StaffPicker
            key={`proxy-${generation}`}
            id={controlIds.proxy}
            label={t("requestAdmin.proxies.proxy")}
            value={draft.proxy}
            onChange={(proxy) => change({ proxy })}
            error={messageFor("proxy")}
            required
          />
        </fieldset>
        <div className="field-pair">
          <TextField
            id={controlIds.from}
            type="date"
            label={t("requestAdmin.proxies.from")}
            value={draft.from}
            onChange={(event) => change({ from: event.target.value })}
            error={messageFor("from")}
            required
          />
          <TextField
            id={controlIds.to}
            type="date"
            label={t("requestAdmin.proxies.to")}
            value={draft.to}
            onChange={(event) => change({ to: event.target.value })}
            error={messageFor("to")}
            required
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy}>
            {t("requestAdmin.proxies.add")}
          </button>
        </div>
      </form>
    </section>
  );
}
