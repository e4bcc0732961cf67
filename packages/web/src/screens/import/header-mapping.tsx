import { type ImportField, importFields } from "@tobira/protocol";
import { TextField } from "../../components/form-fields";
import { useI18n } from "../../i18n/i18n";
import { importFieldKey } from "../../i18n/labels";

export type HeaderMapping = Partial<Record<ImportField, string>>;

/**
 * 見出しの対応づけ: for files whose column headings differ from the usual ones, the heading used for
 * each field. Left empty, a field is found by its usual headings (職員番号, 氏, 名, …).
 */
export function HeaderMappingFields({
  mapping,
  onChange,
}: {
  mapping: HeaderMapping;
  onChange: (mapping: HeaderMapping) => void;
}) {
  const { t } = useI18n();
  const mapped = Object.values(mapping).filter((header) => header.trim() !== "").length;
  return (
    <details className="mapping" open={mapped > 0}>
      <summary>{t("import.mappingSummary", { count: String(mapped) })}</summary>
      <p className="field__hint">{t("import.mappingHint")}</p>
      <div className="mapping__grid">
        {importFields.map((field) => {
          const key = importFieldKey(field);
          const label = key === null ? field : t(key);
          return (
            <TextField
              key={field}
              id={`mapping-${field}`}
              label={t("import.mappingLabel", { field: label })}
              value={mapping[field] ?? ""}
              maxLength={100}
              onChange={(event) => onChange({ ...mapping, [field]: event.target.value })}
            />
          );
        })}
      </div>
    </details>
  );
}

/** The mapping as the API takes it: only the fields given a heading. */
export function toRequestMapping(mapping: HeaderMapping): HeaderMapping {
  return Object.fromEntries(
    Object.entries(mapping)
      .map(([field, header]) => [field, header.trim()])
      .filter(([, header]) => header !== ""),
  );
}
