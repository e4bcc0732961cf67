import { can } from "@tobira/protocol";
import { listDepartments } from "../../api/org";
import { searchStaff } from "../../api/staff";
import { ErrorSummary } from "../../components/error-summary";
import { ExportPanel } from "../../components/export-panel";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { Pager } from "../../components/pager";
import { StatusMessage } from "../../components/status-message";
import { formatCount } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { navigate, useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { directoryPath, pageSize, readDirectorySearch } from "./directory-search";
import { DirectorySearchForm } from "./directory-search-form";
import { StaffTable } from "./staff-table";

/** 職員録: search by number, name or kana, filter by 所属, page through the results. */
export function StaffDirectoryScreen() {
  const { t, language } = useI18n();
  const user = useUser();
  const location = useLocation();
  const searchKey = location.search.toString();
  const search = readDirectorySearch(location.search);
  const offset = (search.page - 1) * pageSize;

  const departments = useQuery("departments", (signal) => listDepartments(null, signal));
  const results = useQuery(searchKey, (signal) =>
    searchStaff(
      {
        q: search.q,
        departmentId: search.departmentId,
        includeLeft: search.includeLeft,
        limit: pageSize,
        offset,
      },
      signal,
    ),
  );
  const departmentName = departments.data?.find((department) => department.id === search.departmentId)?.name;

  return (
    <>
      <PageHeading title={t("directory.title")}>
        {can(user, "staff.manage") ? (
          <Link to={paths.staffNew} className="button button--secondary">
            {t("directory.addStaff")}
          </Link>
        ) : null}
      </PageHeading>
      <DirectorySearchForm key={searchKey} initial={search} departments={departments.data ?? []} />
      <ErrorSummary error={results.error ?? departments.error} />
      <StatusMessage>
        {results.data !== undefined && !results.loading
          ? t("directory.count", { total: formatCount(results.data.total, language) })
          : null}
      </StatusMessage>
      {results.loading ? <Loading /> : null}
      {/* Earlier results stay while the next page loads, so focus stays on the pager. */}
      {results.data !== undefined ? (
        results.data.items.length === 0 ? (
          <p className="empty">{t("directory.empty")}</p>
        ) : (
          <>
            <StaffTable
              items={results.data.items}
              caption={
                departmentName === undefined
                  ? t("directory.caption")
                  : t("directory.captionInDepartment", { department: departmentName })
              }
            />
            <Pager
              total={results.data.total}
              offset={offset}
              limit={pageSize}
              onChange={(next) =>
                navigate(directoryPath({ ...search, page: Math.floor(next / pageSize) + 1 }))
              }
            />
          </>
        )
      ) : null}
      {can(user, "staff.export") ? <ExportPanel /> : null}
    </>
  );
}
