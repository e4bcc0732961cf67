import type { Department } from "@tobira/protocol";
import { requestKindNames } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { listDepartments } from "../../api/org";
import { getSectionRouteRules, type SectionRouteRules, saveSectionRouteRules } from "../../api/request-admin";
import { DepartmentSelect } from "../../components/department-select";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { type Translate, useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { navigate, useLocation } from "../../router/history";
import { paths } from "../../router/routes";
import { kindKey } from "../requests/request-labels";
import { RequestAdminNav } from "./request-admin-nav";
import {
  checkOvertimeHours,
  draftFromRules,
  isOvertimeKind,
  maxOvertimeHours,
  type OvertimeHoursProblem,
  type RequestKindName,
  type RouteChoice,
  type RouteRulesDraft,
  routeChoicesFor,
  rulesFromDraft,
} from "./route-rules-draft";

/** 承認ルート: per section, which requests the section head decides alone and which go on to HR. */
export function RouteRulesScreen() {
  const { t } = useI18n();
  const { search } = useLocation();
  const chosen = Number(search.get("department"));
  const departmentId = Number.isSafeInteger(chosen) && chosen > 0 ? chosen : null;
  const departments = useQuery("departments", (signal) => listDepartments(null, signal));
  const department = departments.data?.find((candidate) => candidate.id === departmentId);

  return (
    <>
      <RequestAdminNav />
      <PageHeading title={t("requestAdmin.routes")} />
      <p className="lead">{t("requestAdmin.routes.intro")}</p>
      <ErrorSummary error={departments.error} />
      {departments.data === undefined && departments.error === null ? <Loading /> : null}
      {departments.data !== undefined ? (
        <DepartmentSelect
          id="route-department"
          label={t("requestAdmin.routes.department")}
          departments={departments.data}
          value={departmentId}
          onChange={(next) => navigate(paths.requestRoutes(next), { replace: true })}
          emptyLabel={t("requestAdmin.routes.chooseDepartment")}
        />
      ) : null}
      {departmentId === null ? <p className="empty">{t("requestAdmin.routes.pickFirst")}</p> : null}
      {department !== undefined ? <SectionRoutes key={department.id} department={department} /> : null}
    </>
  );
}

function SectionRoutes({ department }: { department: Department }) {
  const rules = useQuery(`route-rules:${department.id}`, (signal) =>
    getSectionRouteRules(department.id, signal),
  );
  if (rules.error) return <ErrorSummary error={rules.error} />;
  if (rules.data === undefined) return <Loading />;
  return <RouteRulesForm department={department} saved={rules.data} onSaved={rules.setData} />;
}

const hoursId = "route-overtime-hours";

const hoursProblemKeys: Record<Exclude<OvertimeHoursProblem, "missing">, MessageKey> = {
  notHours: "requestAdmin.routes.notHours",
  outOfRange: "requestAdmin.routes.outOfRange",
};

function hoursProblemText(problem: OvertimeHoursProblem, t: Translate): string {
  return problem === "missing" ? t("form.missing") : t(hoursProblemKeys[problem], { max: maxOvertimeHours });
}

/** The wording of a choice: overtime says how its choice relates to the threshold. */
function choiceKey(kind: RequestKindName, choice: RouteChoice): MessageKey {
  switch (choice) {
    case "byHours":
      return "requestAdmin.routes.choice.byHours";
    case "sectionHead":
      return isOvertimeKind(kind)
        ? "requestAdmin.routes.choice.sectionHeadAlways"
        : "requestAdmin.routes.choice.sectionHead";
    case "sectionHeadThenHr":
      return isOvertimeKind(kind)
        ? "requestAdmin.routes.choice.hrAlways"
        : "requestAdmin.routes.choice.sectionHeadThenHr";
  }
}

function RouteRulesForm(props: {
  department: Department;
  saved: SectionRouteRules;
  onSaved: (rules: SectionRouteRules) => void;
}) {
  const { department, onSaved } = props;
  const { t } = useI18n();
  const action = useAction();
  const [draft, setDraft] = useState<RouteRulesDraft>(() => draftFromRules(props.saved));
  const [submitted, setSubmitted] = useState(false);

  const hoursProblem = checkOvertimeHours(draft);
  // An empty box is only wrong once they try to save; a wrong value is said as it is typed.
  const shownHoursProblem = hoursProblem === "missing" && !submitted ? null : hoursProblem;
  const problems: FieldProblem[] =
    shownHoursProblem === null
      ? []
      : [
          {
            id: hoursId,
            label: t("requestAdmin.routes.overtimeHours"),
            message: hoursProblemText(shownHoursProblem, t),
          },
        ];

  function change(next: Partial<RouteRulesDraft>) {
    setDraft((current) => ({ ...current, ...next }));
    action.clear();
  }

  function chooseRoute(kind: RequestKindName, value: string) {
    const choice = routeChoicesFor(kind).find((candidate) => candidate === value);
    if (choice !== undefined) change({ routes: { ...draft.routes, [kind]: choice } });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const body = rulesFromDraft(draft);
    if (body === null) return;
    const ok = await action.run(async () => {
      const saved = await saveSectionRouteRules(department.id, body);
      setDraft(draftFromRules(saved));
      onSaved(saved);
      return t("requestAdmin.routes.saved", { department: department.name });
    });
    if (ok) setSubmitted(false);
  }

  return (
    <section className="panel" aria-labelledby="route-form-heading">
      <h2 id="route-form-heading">{t("requestAdmin.routes.heading", { department: department.name })}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("requestAdmin.routes.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requestAdmin.routes.kind")}</th>
                <th scope="col">{t("requestAdmin.routes.route")}</th>
              </tr>
            </thead>
            <tbody>
              {requestKindNames.map((kind) => (
                <tr key={kind}>
                  <th scope="row">{t(kindKey(kind))}</th>
                  <td>
                    <select
                      id={`route-${kind}`}
                      aria-label={t("requestAdmin.routes.routeFor", { kind: t(kindKey(kind)) })}
                      value={draft.routes[kind]}
                      onChange={(event) => chooseRoute(kind, event.target.value)}
                    >
                      {routeChoicesFor(kind).map((choice) => (
                        <option key={choice} value={choice}>
                          {t(choiceKey(kind, choice))}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <fieldset>
          <legend>{t("requestAdmin.routes.overtimeLegend")}</legend>
          <div className="checkbox">
            <input
              id="route-overtime-never"
              type="radio"
              name="route-overtime"
              checked={!draft.overtimeToHr}
              onChange={() => change({ overtimeToHr: false })}
            />
            <label htmlFor="route-overtime-never">{t("requestAdmin.routes.overtimeNever")}</label>
          </div>
          <div className="checkbox">
            <input
              id="route-overtime-from"
              type="radio"
              name="route-overtime"
              checked={draft.overtimeToHr}
              onChange={() => change({ overtimeToHr: true })}
            />
            <label htmlFor="route-overtime-from">{t("requestAdmin.routes.overtimeFrom")}</label>
          </div>
          <TextField
            id={hoursId}
            label={t("requestAdmin.routes.overtimeHours")}
            hint={t("requestAdmin.routes.overtimeHoursHint")}
            className="input-number"
            inputMode="numeric"
            value={draft.overtimeHours}
            disabled={!draft.overtimeToHr}
            onChange={(event) => change({ overtimeHours: event.target.value })}
            error={shownHoursProblem === null ? undefined : hoursProblemText(shownHoursProblem, t)}
            required={draft.overtimeToHr}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy}>
            {t("requestAdmin.routes.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
