import type { StaffAssignment } from "@tobira/protocol";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";

/** 人事異動の履歴: every 所属/職 the person has held, newest first. */
export function AssignmentHistory({ assignments }: { assignments: readonly StaffAssignment[] }) {
  const { t, language } = useI18n();
  const sorted = assignments.toSorted((a, b) => b.validFrom.localeCompare(a.validFrom) || b.id - a.id);
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t("history.heading")}</h2>
      {sorted.length === 0 ? (
        <p className="empty">{t("history.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("history.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("history.from")}</th>
                <th scope="col">{t("history.to")}</th>
                <th scope="col">{t("staff.department")}</th>
                <th scope="col">{t("staff.position")}</th>
                <th scope="col">{t("history.note")}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((assignment) => (
                <tr key={assignment.id}>
                  <th scope="row" className="nowrap">
                    {formatLocalDate(assignment.validFrom, language)}
                  </th>
                  <td className="nowrap">
                    {assignment.validTo === null
                      ? t("history.current")
                      : formatLocalDate(assignment.validTo, language)}
                  </td>
                  <td>{assignment.departmentName}</td>
                  <td>{assignment.positionName ?? "—"}</td>
                  <td>{assignment.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
