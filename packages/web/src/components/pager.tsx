import { formatCount } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

interface PagerProps {
  total: number;
  offset: number;
  limit: number;
  onChange: (offset: number) => void;
}

/** The buttons use aria-disabled, not disabled, so focus stays on them when the last page is reached. */
export function Pager({ total, offset, limit, onChange }: PagerProps) {
  const { t, language } = useI18n();
  if (total <= limit && offset === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          if (offset > 0) onChange(Math.max(0, offset - limit));
        }}
        aria-disabled={offset === 0}
      >
        {t("pager.previous")}
      </button>
      <p className="pager__position">
        {t("pager.position", { page: formatCount(page, language), pages: formatCount(pages, language) })}
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          if (offset + limit < total) onChange(offset + limit);
        }}
        aria-disabled={offset + limit >= total}
      >
        {t("pager.next")}
      </button>
    </nav>
  );
}
