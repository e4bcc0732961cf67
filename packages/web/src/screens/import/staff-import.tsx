import type {
  ImportEncoding,
  StaffImportPreview,
  StaffImportRequest,
  StaffImportResult,
} from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { applyImport, previewImport } from "../../api/staff-import";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { ExportPanel } from "../../components/export-panel";
import { SelectField, TextField } from "../../components/form-fields";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatCount, todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { fileToBase64 } from "../../lib/base64";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { type HeaderMapping, HeaderMappingFields, toRequestMapping } from "./header-mapping";
import { ImportPreview } from "./import-preview";

// The request limit is 40,000,000 base64 characters, i.e. about 30 MB of file.
const maxFileBytes = 29_000_000;
const encodings: readonly ImportEncoding[] = ["auto", "shift_jis", "utf-8"];
const ids = {
  file: "import-file",
  encoding: "import-encoding",
  effectiveDate: "import-effective-date",
  leaversEndDate: "import-leavers-end-date",
} as const;

/** 職員の取り込み: upload the payroll system's CSV, check the preview, then apply it as a whole. */
export function StaffImportScreen() {
  const { t, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>("auto");
  const [effectiveDate, setEffectiveDate] = useState(todayInTokyo());
  const [leaversEndDate, setLeaversEndDate] = useState("");
  const [mapping, setMapping] = useState<HeaderMapping>({});
  const [checked, setChecked] = useState<{ request: StaffImportRequest; preview: StaffImportPreview } | null>(
    null,
  );
  const [result, setResult] = useState<StaffImportResult | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<"preview" | "apply" | null>(null);

  // Any change to the inputs makes the last preview stale; applying must follow a fresh one.
  function changed() {
    setChecked(null);
    setResult(null);
    setError(null);
  }

  function findProblems(): FieldProblem[] {
    const found: FieldProblem[] = [];
    if (file === null) {
      found.push({ id: ids.file, label: t("import.file"), message: t("import.fileMissing") });
    } else if (file.size === 0) {
      found.push({ id: ids.file, label: t("import.file"), message: t("import.fileEmpty") });
    } else if (file.size > maxFileBytes) {
      found.push({ id: ids.file, label: t("import.file"), message: t("import.fileTooLarge") });
    }
    if (effectiveDate === "") {
      found.push({ id: ids.effectiveDate, label: t("import.effectiveDate"), message: t("form.missing") });
    }
    return found;
  }

  async function handlePreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    changed();
    const found = findProblems();
    setProblems(found);
    if (file === null || found.length > 0) return;

    setBusy("preview");
    try {
      const request: StaffImportRequest = {
        fileName: file.name,
        contentBase64: await fileToBase64(file),
        encoding,
        mapping: toRequestMapping(mapping),
        effectiveDate,
        leaversEndDate: leaversEndDate === "" ? null : leaversEndDate,
      };
      const preview = await previewImport(request);
      setChecked({ request, preview });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function handleApply() {
    if (checked === null || checked.preview.errors.length > 0) return;
    setBusy("apply");
    setError(null);
    try {
      setResult(await applyImport(checked.request));
      setChecked(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;
  const errorCount = checked?.preview.errors.length ?? 0;
  const canApply = checked !== null && errorCount === 0 && busy === null;
  const count = (value: number) => formatCount(value, language);

  return (
    <>
      <PageHeading title={t("import.title")} />
      <p>{t("import.intro")}</p>
      <form onSubmit={handlePreview} noValidate className="form panel" aria-labelledby="import-form-heading">
        <h2 id="import-form-heading">{t("import.formHeading")}</h2>
        <TextField
          id={ids.file}
          label={t("import.file")}
          hint={t("import.fileHint")}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            changed();
          }}
          error={problemFor(ids.file)}
          required
        />
        <SelectField
          id={ids.encoding}
          label={t("import.encoding")}
          value={encoding}
          onChange={(event) => {
            setEncoding(encodings.find((value) => value === event.target.value) ?? "auto");
            changed();
          }}
        >
          <option value="auto">{t("import.encodingAuto")}</option>
          <option value="shift_jis">Shift_JIS</option>
          <option value="utf-8">UTF-8</option>
        </SelectField>
        <TextField
          id={ids.effectiveDate}
          label={t("import.effectiveDate")}
          hint={t("import.effectiveDateHint")}
          type="date"
          value={effectiveDate}
          onChange={(event) => {
            setEffectiveDate(event.target.value);
            changed();
          }}
          error={problemFor(ids.effectiveDate)}
          required
        />
        <TextField
          id={ids.leaversEndDate}
          label={t("import.leaversEndDate")}
          hint={t("import.leaversEndDateHint")}
          type="date"
          value={leaversEndDate}
          onChange={(event) => {
            setLeaversEndDate(event.target.value);
            changed();
          }}
        />
        <HeaderMappingFields
          mapping={mapping}
          onChange={(next) => {
            setMapping(next);
            changed();
          }}
        />
        <button type="submit" className="button" disabled={busy !== null}>
          {t("import.preview")}
        </button>
      </form>

      <ErrorSummary error={error} problems={problems} />
      <StatusMessage>
        {busy === "preview" ? t("import.previewing") : null}
        {busy === "apply" ? t("import.applying") : null}
        {busy === null && checked !== null && errorCount === 0 ? t("import.ready") : null}
        {result !== null
          ? t("import.applied", {
              added: count(result.added),
              changed: count(result.changed),
              left: count(result.left),
            })
          : null}
      </StatusMessage>
      <div role="alert" className={errorCount > 0 ? "error-summary" : "error-summary error-summary--empty"}>
        {errorCount > 0 ? (
          <>
            <p className="error-summary__title">{t("import.hasErrors", { count: count(errorCount) })}</p>
            <p>{t("import.fixAndRetry")}</p>
          </>
        ) : null}
      </div>
      {result !== null ? (
        <p>
          <Link to={paths.staffList}>{t("import.openDirectory")}</Link>
        </p>
      ) : null}

      {checked !== null ? (
        <ImportPreview preview={checked.preview} leaversEndDate={checked.request.leaversEndDate} />
      ) : null}

      <div className="apply-bar">
        <button
          type="button"
          className="button"
          onClick={handleApply}
          disabled={!canApply}
          aria-describedby="apply-hint"
        >
          {t("import.apply")}
        </button>
        <p id="apply-hint" className="field__hint">
          {t("import.applyHint")}
        </p>
      </div>

      <ExportPanel />
    </>
  );
}
