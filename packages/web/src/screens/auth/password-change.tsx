import { passwordMinLength } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { changePassword } from "../../api/auth";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { issuesByField } from "../../lib/field-errors";
import { useSession, useUser } from "../../session/session";

const fields = ["currentPassword", "newPassword", "confirmPassword"] as const;
type Field = (typeof fields)[number];
const ids: Record<Field, string> = {
  currentPassword: "current-password",
  newPassword: "new-password",
  confirmPassword: "confirm-password",
};

/** Voluntary change, or the forced one the server demands before anything else (`forced`). */
export function PasswordChangeScreen({ forced }: { forced: boolean }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const user = useUser();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: "",
    newPassword: "",
    confirmPassword: "",
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const labels: Record<Field, string> = {
    currentPassword: forced ? t("password.temporary") : t("password.current"),
    newPassword: t("password.new"),
    confirmPassword: t("password.confirm"),
  };

  function check(): FieldProblem[] {
    const found: FieldProblem[] = [];
    const add = (field: Field, message: string) =>
      found.push({ id: ids[field], label: labels[field], message });
    if (values.currentPassword === "") add("currentPassword", t("password.currentMissing"));
    if (values.newPassword.length < passwordMinLength) {
      add("newPassword", t("password.tooShort", { min: passwordMinLength }));
    } else if (values.newPassword === values.currentPassword) {
      add("newPassword", t("password.sameAsCurrent"));
    }
    if (values.confirmPassword !== values.newPassword) add("confirmPassword", t("password.mismatch"));
    return found;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    setError(null);
    const found = check();
    setProblems(found);
    if (found.length > 0) return;

    setBusy(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues({ currentPassword: "", newPassword: "", confirmPassword: "" });
      setDone(true);
      // The server clears the must-change flag; the fresh session lets the rest of the app in.
      await refresh();
    } catch (failure) {
      setError(failure);
      const byField = issuesByField(failure, fields);
      setProblems(
        fields.flatMap((field) => {
          const message = byField[field];
          return message === undefined ? [] : [{ id: ids[field], label: labels[field], message }];
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const problemFor = (field: Field) => problems.find((problem) => problem.id === ids[field])?.message;
  const update = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <div className="narrow">
      <PageHeading title={forced ? t("password.forcedTitle") : t("password.title")} />
      <p>{forced ? t("password.forcedIntro") : t("password.intro")}</p>
      <ErrorSummary error={error} problems={problems} />
      <StatusMessage>{done ? t("password.changed") : null}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.loginId} readOnly hidden />
        <TextField
          id={ids.currentPassword}
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={update("currentPassword")}
          error={problemFor("currentPassword")}
          required
        />
        <TextField
          id={ids.newPassword}
          label={labels.newPassword}
          hint={t("password.rule", { min: passwordMinLength })}
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={update("newPassword")}
          error={problemFor("newPassword")}
          required
        />
        <TextField
          id={ids.confirmPassword}
          label={labels.confirmPassword}
          type="password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={update("confirmPassword")}
          error={problemFor("confirmPassword")}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {t("password.submit")}
        </button>
      </form>
    </div>
  );
}
