import { type Role, roles, type UserAccount } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { setRoles } from "../../api/accounts";
import { ErrorSummary } from "../../components/error-summary";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { roleKey } from "../../i18n/labels";

interface RoleEditorProps {
  staffId: number;
  account: UserAccount;
  onSaved: (account: UserAccount) => void;
}

export function RoleEditor({ staffId, account, onSaved }: RoleEditorProps) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<ReadonlySet<Role>>(() => new Set(account.roles));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  function toggle(role: Role, on: boolean) {
    setSaved(false);
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await setRoles(
        staffId,
        roles.filter((role) => chosen.has(role)),
      );
      onSaved(updated);
      setChosen(new Set(updated.roles));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="form">
      <fieldset>
        <legend>{t("roles.legend")}</legend>
        <p className="field__hint">{t("roles.hint")}</p>
        {roles.map((role) => (
          <div className="checkbox" key={role}>
            <input
              id={`role-${role}`}
              type="checkbox"
              checked={chosen.has(role)}
              onChange={(event) => toggle(role, event.target.checked)}
            />
            <label htmlFor={`role-${role}`}>{t(roleKey(role))}</label>
          </div>
        ))}
      </fieldset>
      <ErrorSummary error={error} />
      <StatusMessage>{saved ? t("roles.saved") : null}</StatusMessage>
      <button type="submit" className="button" disabled={busy}>
        {t("roles.submit")}
      </button>
    </form>
  );
}
