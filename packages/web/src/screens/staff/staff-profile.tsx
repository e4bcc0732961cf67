import type { StaffDetail } from "@tobira/protocol";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { employmentTypeKey } from "../../i18n/labels";
import { fullName, fullNameKana } from "../../lib/names";

export function StaffProfile({ person }: { person: StaffDetail }) {
  const { t, language } = useI18n();
  const rows: [string, string][] = [
    [t("staff.staffNumber"), person.staffNumber],
    [t("staff.name"), fullName(person)],
    [t("staff.kana"), fullNameKana(person)],
    [t("staff.employmentType"), t(employmentTypeKey(person.employmentType))],
    [t("staff.department"), person.departmentName ?? "—"],
    [t("staff.position"), person.positionName ?? "—"],
    [t("field.startDate"), formatLocalDate(person.startDate, language)],
    [t("field.endDate"), formatLocalDate(person.endDate, language)],
    [t("field.email"), person.email ?? "—"],
    [t("field.phone"), person.phone ?? "—"],
  ];
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("staffDetail.profile")}</h2>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
