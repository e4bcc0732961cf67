import {
  type PayrollColumn,
  type PayrollField,
  type PayrollLayout,
  payrollEncodings,
  payrollFields,
  payrollLayoutSchema,
} from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { getPayrollLayout, savePayrollLayout } from "../../api/attendance";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { type Translate, useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { entryMessageKey } from "./entry-draft";
import { moveColumn, nextColumn, payrollFieldLabel, removeColumn } from "./payroll-columns";

/** 給与データの列: the payroll file's columns (header and figure, in order) and its encoding. */
export function PayrollLayoutScreen() {
  const { t } = useI18n();
  const layout = useQuery("payroll-layout", (signal) => getPayrollLayout(signal));
  return (
    <>
      <PageHeading title={t("payroll.title")} />
      <p className="lead">{t("payroll.intro")}</p>
      <ErrorSummary error={layout.error} />
      {layout.data === undefined ? (
        layout.loading ? (
          <Loading />
        ) : null
      ) : (
        <PayrollLayoutForm initial={layout.data} onSaved={layout.setData} />
      )}
    </>
  );
}

export function payrollFieldName(field: PayrollField, t: Translate): string {
  const label = payrollFieldLabel(field);
  if (label.kind === "plain") return t(label.key);
  return t("payroll.overtimeField", { bucket: t(label.bucket), tier: t(label.tier), unit: t(label.unit) });
}

const headerId = (index: number) => `payroll-header-${index}`;
const fieldId = (index: number) => `payroll-field-${index}`;

function PayrollLayoutForm({
  initial,
  onSaved,
}: {
  initial: PayrollLayout;
  onSaved: (layout: PayrollLayout) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [columns, setColumns] = useState<PayrollColumn[]>(initial.columns);
  const [encoding, setEncoding] = useState<PayrollLayout["encoding"]>(initial.encoding);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  function change(index: number, next: Partial<PayrollColumn>) {
    setColumns((current) => current.map((column, at) => (at === index ? { ...column, ...next } : column)));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = payrollLayoutSchema.safeParse({ columns, encoding });
    if (!result.success) {
      setProblems(
        result.error.issues.map((issue) => {
          const [, index] = issue.path;
          const at = typeof index === "number" ? index : 0;
          const key = entryMessageKey(issue.message);
          const message = key === null ? issue.message : t(key);
          return typeof index === "number"
            ? { id: headerId(at), label: t("payroll.headerOf", { n: at + 1 }), message }
            : { id: "payroll-add", label: t("payroll.columns"), message: t("payroll.needsColumn") };
        }),
      );
      return;
    }
    setProblems([]);
    const body = result.data;
    await action.run(async () => {
      onSaved(await savePayrollLayout(body));
      return t("payroll.saved");
    });
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <form onSubmit={handleSubmit} noValidate className="form">
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <div className="table-scroll">
        <table className="data-table data-table--compact payroll-columns">
          <caption>{t("payroll.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("payroll.col.order")}</th>
              <th scope="col">{t("payroll.col.header")}</th>
              <th scope="col">{t("payroll.col.field")}</th>
              <th scope="col">{t("rules.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column, index) => {
              const error = problemFor(headerId(index));
              const name = column.header === "" ? t("payroll.headerOf", { n: index + 1 }) : column.header;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; moving a column moves its values.
                <tr key={index}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <input
                      id={headerId(index)}
                      aria-label={t("payroll.headerOf", { n: index + 1 })}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${headerId(index)}-error` : undefined}
                      value={column.header}
                      maxLength={40}
                      onChange={(event) => change(index, { header: event.target.value })}
                    />
                    {error ? (
                      <p id={`${headerId(index)}-error`} className="field__error">
                        {error}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <select
                      id={fieldId(index)}
                      aria-label={t("payroll.fieldOf", { n: index + 1 })}
                      value={column.field}
                      onChange={(event) => {
                        const field = payrollFields.find((candidate) => candidate === event.target.value);
                        if (field !== undefined) change(index, { field });
                      }}
                    >
                      {payrollFields.map((field) => (
                        <option key={field} value={field}>
                          {payrollFieldName(field, t)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="button-row">
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={index === 0}
                      onClick={() => setColumns((current) => moveColumn(current, index, -1))}
                    >
                      {t("payroll.moveUp", { header: name })}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={index === columns.length - 1}
                      onClick={() => setColumns((current) => moveColumn(current, index, 1))}
                    >
                      {t("payroll.moveDown", { header: name })}
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => setColumns((current) => removeColumn(current, index))}
                    >
                      {t("payroll.remove", { header: name })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button
          id="payroll-add"
          type="button"
          className="button button--secondary"
          disabled={columns.length >= 80}
          onClick={() =>
            setColumns((current) => [
              ...current,
              nextColumn(current, (field) => payrollFieldName(field, t).slice(0, 40)),
            ])
          }
        >
          {t("payroll.add")}
        </button>
      </div>
      <SelectField
        id="payroll-encoding"
        label={t("payroll.encoding")}
        value={encoding}
        onChange={(event) => {
          const next = payrollEncodings.find((candidate) => candidate === event.target.value);
          if (next !== undefined) setEncoding(next);
        }}
      >
        <option value="shift_jis">Shift_JIS</option>
        <option value="utf8">UTF-8</option>
      </SelectField>
      <div className="button-row">
        <button type="submit" className="button" disabled={action.busy}>
          {t("payroll.save")}
        </button>
      </div>
    </form>
  );
}
