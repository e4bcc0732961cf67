import { paths } from "../../router/routes";

/** The directory's search lives in the address, so results can be bookmarked and Back works. */
export interface DirectorySearch {
  q: string;
  departmentId: number | null;
  includeLeft: boolean;
  page: number;
}

export const pageSize = 50;

export function readDirectorySearch(params: URLSearchParams): DirectorySearch {
  const departmentId = Number(params.get("departmentId"));
  const page = Number(params.get("page"));
  return {
    q: params.get("q") ?? "",
    departmentId: Number.isSafeInteger(departmentId) && departmentId > 0 ? departmentId : null,
    includeLeft: params.get("includeLeft") === "true",
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

export function directoryPath(search: Partial<DirectorySearch>): string {
  const params = new URLSearchParams();
  if (search.q !== undefined && search.q.trim() !== "") params.set("q", search.q.trim());
  if (search.departmentId != null) params.set("departmentId", String(search.departmentId));
  if (search.includeLeft) params.set("includeLeft", "true");
  if (search.page !== undefined && search.page > 1) params.set("page", String(search.page));
  const query = params.toString();
  return query === "" ? paths.staffList : `${paths.staffList}?${query}`;
}
