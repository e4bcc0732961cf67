import { useI18n } from "../i18n/i18n";

/** Names the other language in that language, so either reader can find it. */
export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  const next = language === "ja" ? "en" : "ja";
  return (
    <button type="button" className="button button--quiet" lang={next} onClick={() => setLanguage(next)}>
      {next === "en" ? "English" : "日本語"}
    </button>
  );
}
