import { useState } from "react";
import { type ExportEncoding, type ExportFormat, exportStaff } from "../api/staff-import";
import { todayInTokyo } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { saveFile } from "../lib/save-file";
import { ErrorSummary } from "./error-summary";
import { SelectField } from "./form-fields";
import { StatusMessage } from "./status-message";

/** 職員データの書き出し: the whole staff master as CSV or Excel. */
export function ExportPanel() {
  const { t } = useI18n();
  const [encoding, setEncoding] = useState<ExportEncoding>("shift_jis");
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      const { blob, fileName } = await exportStaff(format, encoding);
      const name = fileName ?? `staff-${todayInTokyo()}.${format}`;
      saveFile(blob, name);
      setDone(t("export.done", { file: name }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t("export.heading")}</h2>
      <p>{t("export.intro")}</p>
      <SelectField
        id="export-encoding"
        label={t("export.encoding")}
        hint={t("export.encodingHint")}
        value={encoding}
        onChange={(event) => setEncoding(event.target.value === "utf-8" ? "utf-8" : "shift_jis")}
      >
        <option value="shift_jis">Shift_JIS</option>
        <option value="utf-8">UTF-8</option>
      </SelectField>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => download("csv")}
          disabled={busy !== null}
        >
          {t("export.csv")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => download("xlsx")}
          disabled={busy !== null}
        >
          {t("export.xlsx")}
        </button>
      </div>
      <ErrorSummary error={error} />
      <StatusMessage>{busy !== null ? t("export.working") : done}</StatusMessage>
    </section>
  );
}
