import type { StaffImportPreview } from "@tobira/protocol";
import { formatCount } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { ImportChanges } from "./import-changes";
import { ImportErrorsTable } from "./import-errors-table";

interface ImportPreviewProps {
  preview: StaffImportPreview;
  leaversEndDate: string | null;
}

export function ImportPreview({ preview, leaversEndDate }: ImportPreviewProps) {
  const { t, language } = useI18n();
  const count = (value: number) => formatCount(value, language);
  const encoding = preview.encoding === "shift_jis" ? "Shift_JIS" : "UTF-8";

  return (
    <section className="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("import.previewHeading")}</h2>
      <p>{t("import.readSummary", { rows: count(preview.rowCount), encoding })}</p>
      {preview.errors.length > 0 ? (
        <ImportErrorsTable errors={preview.errors} />
      ) : (
        <>
          <dl className="summary-counts">
            <div>
              <dt>{t("import.adds")}</dt>
              <dd>{t("common.count", { count: count(preview.adds.length) })}</dd>
            </div>
            <div>
              <dt>{t("import.changes")}</dt>
              <dd>{t("common.count", { count: count(preview.changes.length) })}</dd>
            </div>
            <div>
              <dt>{t("import.leavers")}</dt>
              <dd>{t("common.count", { count: count(preview.leavers.length) })}</dd>
            </div>
            <div>
              <dt>{t("import.unchanged")}</dt>
              <dd>{t("common.count", { count: count(preview.unchangedCount) })}</dd>
            </div>
          </dl>
          <ImportChanges preview={preview} leaversEndDate={leaversEndDate} />
        </>
      )}
    </section>
  );
}
