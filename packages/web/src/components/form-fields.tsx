import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useI18n } from "../i18n/i18n";

interface FieldFrame {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
}

/** Label above, then hint and error (both read out with the control), then the control itself. */
function Field({ id, label, hint, error, required, children }: FieldFrame & { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={error ? "field field--invalid" : "field"}>
      {/* The marker sits outside the label so the label stays exactly the field's name. */}
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {required ? (
          <span className="field__required" aria-hidden="true">
            {t("form.required")}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy({ id, hint, error }: FieldFrame): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((value) => value !== null);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function controlAria(frame: FieldFrame) {
  return {
    "aria-describedby": describedBy(frame),
    "aria-invalid": frame.error ? true : undefined,
    "aria-required": frame.required ? true : undefined,
  };
}

type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "required">;

export function TextField({ id, label, hint, error, required, ...input }: TextFieldProps) {
  const frame = { id, label, hint, error, required };
  return (
    <Field {...frame}>
      <input id={id} name={id} type="text" {...controlAria(frame)} {...input} />
    </Field>
  );
}

type TextAreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "required">;

export function TextAreaField({ id, label, hint, error, required, ...textarea }: TextAreaProps) {
  const frame = { id, label, hint, error, required };
  return (
    <Field {...frame}>
      <textarea id={id} name={id} rows={3} {...controlAria(frame)} {...textarea} />
    </Field>
  );
}

type SelectFieldProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "required">;

export function SelectField({ id, label, hint, error, required, children, ...select }: SelectFieldProps) {
  const frame = { id, label, hint, error, required };
  return (
    <Field {...frame}>
      <select id={id} name={id} {...controlAria(frame)} {...select}>
        {children}
      </select>
    </Field>
  );
}

type CheckboxFieldProps = Omit<FieldFrame, "required"> &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "required">;

export function CheckboxField({ id, label, hint, error, ...input }: CheckboxFieldProps) {
  const frame = { id, label, hint, error };
  return (
    <div className="checkbox">
      <input id={id} name={id} type="checkbox" {...controlAria(frame)} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
