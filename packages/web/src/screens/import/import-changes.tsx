import type { StaffImportPreview } from "@tobira/protocol";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { importFieldKey } from "../../i18n/labels";

interface ImportChangesProps {
  preview: StaffImportPreview;
  leaversEndDate: string | null;
}

/** What applying the file would do: 追加, 変更 (from → to) and 退職, each as its own table. */
export function ImportChanges({ preview, leaversEndDate }: ImportChangesProps) {
  const { t, language } = useI18n();
  const fieldName = (field: string) => {
    const key = importFieldKey(field);
    return key === null ? field : t(key);
  };
  const shown = (value: string | null) => (value === null || value === "" ? t("import.blank") : value);

  return (
    <>
      <h3>{t("import.adds")}</h3>
      {preview.adds.length === 0 ? (
        <p className="empty">{t("import.noAdds")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("import.adds")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.staffNumber")}</th>
                <th scope="col">{t("staff.name")}</th>
                <th scope="col">{t("field.departmentCode")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.adds.map((add) => (
                <tr key={add.staffNumber}>
                  <td className="nowrap">{add.staffNumber}</td>
                  <th scope="row">{add.name}</th>
                  <td>{add.departmentCode}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("import.changes")}</h3>
      {preview.changes.length === 0 ? (
        <p className="empty">{t("import.noChanges")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("import.changes")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.staffNumber")}</th>
                <th scope="col">{t("staff.name")}</th>
                <th scope="col">{t("import.changeDetail")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((change) => (
                <tr key={change.staffNumber}>
                  <td className="nowrap">{change.staffNumber}</td>
                  <th scope="row">{change.name}</th>
                  <td>
                    <ul className="change-list">
                      {change.changes.map((item) => (
                        <li key={item.field}>
                          {t("import.changeItem", {
                            field: fieldName(item.field),
                            from: shown(item.from),
                            to: shown(item.to),
                          })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("import.leavers")}</h3>
      {preview.leavers.length === 0 ? (
        <p className="empty">{t("import.noLeavers")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("import.leavers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.staffNumber")}</th>
                <th scope="col">{t("staff.name")}</th>
                <th scope="col">{t("field.endDate")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.leavers.map((leaver) => (
                <tr key={leaver.staffNumber}>
                  <td className="nowrap">{leaver.staffNumber}</td>
                  <th scope="row">{leaver.name}</th>
                  <td>{formatLocalDate(leaversEndDate, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
