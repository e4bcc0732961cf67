import type { StaffSummary } from "@tobira/protocol";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { employmentTypeKey } from "../../i18n/labels";
import { fullName, fullNameKana } from "../../lib/names";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";

export function StaffTable({ items, caption }: { items: readonly StaffSummary[]; caption: string }) {
  const { t, language } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.staffNumber")}</th>
            <th scope="col">{t("staff.name")}</th>
            <th scope="col">{t("staff.kana")}</th>
            <th scope="col">{t("staff.department")}</th>
            <th scope="col">{t("staff.position")}</th>
            <th scope="col">{t("staff.employmentType")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((person) => (
            <tr key={person.id}>
              <td className="nowrap">{person.staffNumber}</td>
              <th scope="row">
                <Link to={paths.staff(person.id)}>{fullName(person)}</Link>
                {person.endDate !== null ? (
                  <span className="badge">
                    {t("staff.leftOn", { date: formatLocalDate(person.endDate, language) })}
                  </span>
                ) : null}
              </th>
              <td>{fullNameKana(person)}</td>
              <td>{person.departmentName ?? "—"}</td>
              <td>{person.positionName ?? "—"}</td>
              <td>{t(employmentTypeKey(person.employmentType))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
