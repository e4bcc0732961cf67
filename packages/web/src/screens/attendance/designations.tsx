import { can, type Department, type SectionDesignationDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { createDesignation, deleteDesignation, listDesignations } from "../../api/attendance-rules";
import { listDepartments } from "../../api/org";
import { DepartmentSelect } from "../../components/department-select";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AttendanceBreadcrumb } from "./attendance-breadcrumb";
import { checkDateRange, DateRangeFields } from "./date-range-fields";

/** 他律的部署の指定: which sections work under the higher overtime caps, and from when to when. */
export function DesignationsScreen() {
  const { t, language } = useI18n();
  const user = useUser();
  const manage = can(user, "attendanceRules.manage");
  const designations = useQuery("attendance-designations", (signal) => listDesignations(signal));
  const removal = useAction();
  const items = designations.data;

  async function remove(designation: SectionDesignationDto) {
    const name = designation.departmentName;
    if (!window.confirm(t("designations.confirmDelete", { name }))) return;
    const ok = await removal.run(async () => {
      await deleteDesignation(designation.id);
      return t("designations.deleted", { name });
    });
    if (ok) designations.reload();
  }

  return (
    <>
      <AttendanceBreadcrumb />
      <PageHeading title={t("attendance.designations")} />
      <p className="lead">{t("designations.intro")}</p>
      <ErrorSummary error={designations.error ?? removal.error} />
      <StatusMessage>{removal.message}</StatusMessage>
      {designations.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("designations.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("designations.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("designations.department")}</th>
                <th scope="col">{t("designations.kind")}</th>
                <th scope="col">{t("designations.from")}</th>
                <th scope="col">{t("designations.to")}</th>
                {manage ? <th scope="col">{t("rules.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((designation) => (
                <tr key={designation.id}>
                  <th scope="row">{designation.departmentName}</th>
                  <td>
                    {designation.externallyDriven ? t("designations.external") : t("designations.ordinary")}
                  </td>
                  <td>{formatLocalDate(designation.from, language)}</td>
                  <td>
                    {designation.to === null
                      ? t("designations.open")
                      : formatLocalDate(designation.to, language)}
                  </td>
                  {manage ? (
                    <td>
                      <button
                        type="button"
                        className="button button--danger"
                        disabled={removal.busy}
                        onClick={() => void remove(designation)}
                      >
                        {t("designations.delete", { name: designation.departmentName })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {manage ? <DesignationFormPanel onAdded={designations.reload} /> : null}
    </>
  );
}

function DesignationFormPanel({ onAdded }: { onAdded: () => void }) {
  const departments = useQuery("departments", (signal) => listDepartments(null, signal));
  if (departments.error) return <ErrorSummary error={departments.error} />;
  if (departments.data === undefined) return <Loading />;
  return <DesignationForm departments={departments.data} onAdded={onAdded} />;
}

function DesignationForm({ departments, onAdded }: { departments: Department[]; onAdded: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [departmentId, setDepartmentId] = useState<number | null>(null);
  const [externallyDriven, setExternallyDriven] = useState(true);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (departmentId === null)
      found.push({
        id: "designation-department",
        label: t("designations.department"),
        message: t("form.missing"),
      });
    found.push(...checkDateRange("designation", from, to, t));
    setProblems(found);
    if (found.length > 0 || departmentId === null) return;
    const name = departments.find((department) => department.id === departmentId)?.name ?? "";
    const ok = await action.run(async () => {
      await createDesignation({ departmentId, externallyDriven, from, to: to === "" ? null : to });
      return t("designations.added", { name });
    });
    if (ok) {
      setDepartmentId(null);
      setFrom("");
      setTo("");
      onAdded();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="designation-form-heading">
      <h2 id="designation-form-heading">{t("designations.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <DepartmentSelect
          id="designation-department"
          label={t("designations.department")}
          departments={departments}
          value={departmentId}
          onChange={setDepartmentId}
          emptyLabel={t("form.choose")}
          error={problemFor("designation-department")}
          required
        />
        <SelectField
          id="designation-kind"
          label={t("designations.kind")}
          value={externallyDriven ? "yes" : "no"}
          onChange={(event) => setExternallyDriven(event.target.value === "yes")}
        >
          <option value="yes">{t("designations.external")}</option>
          <option value="no">{t("designations.ordinary")}</option>
        </SelectField>
        <DateRangeFields
          idPrefix="designation"
          from={from}
          to={to}
          onFromChange={setFrom}
          onToChange={setTo}
          problemFor={problemFor}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy}>
            {t("designations.add")}
          </button>
        </div>
      </form>
    </section>
  );
}
