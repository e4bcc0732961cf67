import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";

interface PaperHeaderProps {
  title: string;
  applicant: string;
  department: string;
  date: string;
}

/** The head of the paper form: 申請者, 所属 and 申請日, as the printed forms carry them. */
export function PaperHeader({ title, applicant, department, date }: PaperHeaderProps) {
  const { t, language } = useI18n();
  return (
    <section className="subpanel" aria-label={title}>
      <p className="lead" lang="ja">
        {title}
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t("request.applicant")}</dt>
          <dd>{applicant}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("request.department")}</dt>
          <dd>{department === "" ? "—" : department}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("request.appliedOn")}</dt>
          <dd>{formatLocalDate(date, language)}</dd>
        </div>
      </dl>
    </section>
  );
}
