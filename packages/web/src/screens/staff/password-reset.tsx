import { useState } from "react";
import { resetPassword } from "../../api/accounts";
import { ErrorSummary } from "../../components/error-summary";
import { useI18n } from "../../i18n/i18n";

interface PasswordResetProps {
  staffId: number;
  personName: string;
  hasAccount: boolean;
  onReset: () => void;
}

/** Issues a temporary password; it is shown here once and never again. */
export function PasswordReset({ staffId, personName, hasAccount, onReset }: PasswordResetProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function handleReset() {
    setBusy(true);
    setError(null);
    try {
      const result = await resetPassword(staffId);
      setTemporaryPassword(result.temporaryPassword);
      setConfirming(false);
      onReset();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const startLabel = hasAccount ? t("reset.start") : t("reset.create");

  return (
    <div className="password-reset">
      <ErrorSummary error={error} />
      {temporaryPassword !== null ? (
        <div className="one-time" role="status">
          <p>
            <strong>{t("reset.shownOnce", { name: personName })}</strong>
          </p>
          <p>
            {t("reset.temporaryPassword")}:{" "}
            <code className="one-time__secret" data-testid="temporary-password">
              {temporaryPassword}
            </code>
          </p>
          <p>{t("reset.handOver")}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setTemporaryPassword(null)}
          >
            {t("reset.hide")}
          </button>
        </div>
      ) : null}
      {confirming ? (
        <fieldset className="confirm">
          <legend>{t("reset.confirm", { name: personName })}</legend>
          <div className="button-row">
            <button type="button" className="button button--danger" onClick={handleReset} disabled={busy}>
              {t("reset.confirmYes")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(false)}
              disabled={busy}
            >
              {t("reset.confirmNo")}
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setTemporaryPassword(null);
            setConfirming(true);
          }}
        >
          {startLabel}
        </button>
      )}
    </div>
  );
}
