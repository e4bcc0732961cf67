import { useMemo, useState } from "react";
import { listDepartments } from "../../api/org";
import { DepartmentTree } from "../../components/department-tree";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { buildDepartmentTree, flattenDepartmentTree } from "../../lib/department-tree";
import { useQuery } from "../../lib/use-query";
import { directoryPath } from "../staff/directory-search";

/** 組織: 部 › 課 › 係 as of a date; choosing one opens the directory filtered to it. */
export function DepartmentsScreen() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayInTokyo());
  const validAsOf = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null;
  const departments = useQuery(`departments-${validAsOf ?? ""}`, (signal) =>
    listDepartments(validAsOf, signal),
  );
  const tree = useMemo(() => buildDepartmentTree(departments.data ?? []), [departments.data]);
  const [overrides, setOverrides] = useState<ReadonlyMap<number, boolean>>(new Map());
  const branches = useMemo(
    () => flattenDepartmentTree(tree).filter((node) => node.children.length > 0),
    [tree],
  );

  // 部 start open so their 課 show; deeper levels open on request.
  const expanded = useMemo(
    () =>
      new Set(
        branches
          .filter((node) => overrides.get(node.department.id) ?? node.depth === 0)
          .map((node) => node.department.id),
      ),
    [branches, overrides],
  );

  function toggle(departmentId: number) {
    setOverrides((current) => new Map(current).set(departmentId, !expanded.has(departmentId)));
  }

  function setAll(open: boolean) {
    setOverrides(new Map(branches.map((node) => [node.department.id, open])));
  }

  return (
    <>
      <PageHeading title={t("departments.title")} />
      <p>{t("departments.intro")}</p>
      <div className="toolbar">
        <TextField
          id="departments-as-of"
          label={t("departments.asOf")}
          type="date"
          value={asOf}
          onChange={(event) => setAsOf(event.target.value)}
        />
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
            {t("departments.expandAll")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setAll(false)}>
            {t("departments.collapseAll")}
          </button>
        </div>
      </div>
      <ErrorSummary error={departments.error} />
      {departments.loading ? <Loading /> : null}
      {!departments.loading && departments.data !== undefined && tree.length === 0 ? (
        <p className="empty">{t("departments.empty")}</p>
      ) : null}
      {tree.length > 0 ? (
        <nav aria-label={t("departments.treeLabel")}>
          <DepartmentTree
            nodes={tree}
            expanded={expanded}
            onToggle={toggle}
            linkTo={(departmentId) => directoryPath({ departmentId })}
          />
        </nav>
      ) : null}
    </>
  );
}
