import { type FormEvent, useState } from "react";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { PageHeading } from "../../components/page-heading";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../session/session";

export function SignInScreen({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [loginId, setLoginId] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldProblem[] = [];
    if (loginId.trim() === "") {
      missing.push({ id: "login-id", label: t("signIn.loginId"), message: t("signIn.loginIdMissing") });
    }
    if (password === "") {
      missing.push({
        id: "login-password",
        label: t("signIn.password"),
        message: t("signIn.passwordMissing"),
      });
    }
    setProblems(missing);
    setError(null);
    if (missing.length > 0) return;

    setBusy(true);
    try {
      await signIn(loginId.trim(), password);
    } catch (failure) {
      setError(failure);
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <div className="narrow">
      <PageHeading title={t("signIn.title")} />
      {expired ? <p className="notice">{t("signIn.expired")}</p> : null}
      <ErrorSummary error={error} problems={problems} />
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="login-id"
          label={t("signIn.loginId")}
          value={loginId}
          onChange={(event) => setLoginId(event.target.value)}
          autoComplete="username"
          inputMode="text"
          autoCapitalize="none"
          spellCheck={false}
          error={problemFor("login-id")}
        />
        <TextField
          id="login-password"
          label={t("signIn.password")}
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          error={problemFor("login-password")}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("signIn.submit")}
        </button>
      </form>
      <p className="field__hint">{t("signIn.help")}</p>
    </div>
  );
}
