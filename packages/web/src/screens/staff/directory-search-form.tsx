import type { Department } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { DepartmentSelect } from "../../components/department-select";
import { CheckboxField, TextField } from "../../components/form-fields";
import { useI18n } from "../../i18n/i18n";
import { navigate } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { type DirectorySearch, directoryPath } from "./directory-search";

interface DirectorySearchFormProps {
  initial: DirectorySearch;
  departments: readonly Department[];
}

export function DirectorySearchForm({ initial, departments }: DirectorySearchFormProps) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial.q);
  const [departmentId, setDepartmentId] = useState(initial.departmentId);
  const [includeLeft, setIncludeLeft] = useState(initial.includeLeft);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(directoryPath({ q, departmentId, includeLeft, page: 1 }));
  }

  return (
    <search aria-label={t("directory.searchForm")}>
      <form onSubmit={handleSubmit} className="search-form">
        <TextField
          id="directory-q"
          label={t("directory.search")}
          hint={t("directory.searchHint")}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          autoComplete="off"
        />
        <DepartmentSelect
          id="directory-department"
          label={t("directory.department")}
          departments={departments}
          value={departmentId}
          onChange={setDepartmentId}
          emptyLabel={t("directory.allDepartments")}
        />
        <CheckboxField
          id="directory-include-left"
          label={t("directory.includeLeft")}
          checked={includeLeft}
          onChange={(event) => setIncludeLeft(event.target.checked)}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {t("directory.submit")}
          </button>
          <Link to={paths.staffList} className="button button--secondary">
            {t("directory.clear")}
          </Link>
        </div>
      </form>
    </search>
  );
}
