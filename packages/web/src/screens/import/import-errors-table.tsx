import type { ImportRowError } from "@tobira/protocol";
import { useI18n } from "../../i18n/i18n";
import { importFieldKey } from "../../i18n/labels";

/** 取り込みエラー: one row per problem, by CSV line and field, so the file can be fixed line by line. */
export function ImportErrorsTable({ errors }: { errors: readonly ImportRowError[] }) {
  const { t } = useI18n();
  const sorted = errors.toSorted((a, b) => a.line - b.line);
  return (
    <div className="table-scroll">
      <table className="data-table data-table--errors">
        <caption>{t("import.errorsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("import.line")}</th>
            <th scope="col">{t("import.field")}</th>
            <th scope="col">{t("import.message")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((error, index) => {
            const fieldKey = error.field === null ? null : importFieldKey(error.field);
            return (
              // Several problems can share a line and field; the position keeps keys unique.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder while shown
              <tr key={index}>
                <th scope="row" className="nowrap">
                  {error.line}
                </th>
                <td>{fieldKey === null ? (error.field ?? "—") : t(fieldKey)}</td>
                <td>{error.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
