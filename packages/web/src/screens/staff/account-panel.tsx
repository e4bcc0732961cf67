import { can, type StaffDetail } from "@tobira/protocol";
import { getAccount } from "../../api/accounts";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { roleKey } from "../../i18n/labels";
import { fullName } from "../../lib/names";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { PasswordReset } from "./password-reset";
import { RoleEditor } from "./role-editor";

/** サインイン用アカウント: who may sign in as this person, and with which roles. */
export function AccountPanel({ person }: { person: StaffDetail }) {
  const { t, language } = useI18n();
  const user = useUser();
  const account = useQuery(`account-${person.id}`, (signal) => getAccount(person.id, signal));
  const current = account.data;

  return (
    <section className="panel" aria-labelledby="account-heading">
      <h2 id="account-heading">{t("account.heading")}</h2>
      <ErrorSummary error={account.error} />
      {account.loading && current === undefined ? <Loading /> : null}
      {current === null ? <p>{t("account.none")}</p> : null}
      {current ? (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t("account.loginId")}</dt>
            <dd>{current.loginId}</dd>
          </div>
          <div className="facts__row">
            <dt>{t("account.roles")}</dt>
            <dd>
              {current.roles.length === 0 ? "—" : current.roles.map((role) => t(roleKey(role))).join("、")}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t("account.state")}</dt>
            <dd>
              {current.lockedUntil !== null
                ? t("account.lockedUntil", { time: formatInstant(current.lockedUntil, language) })
                : current.mustChangePassword
                  ? t("account.mustChange")
                  : t("account.active")}
            </dd>
          </div>
        </dl>
      ) : null}
      {current !== undefined && can(user, "account.resetPassword") ? (
        <PasswordReset
          staffId={person.id}
          personName={fullName(person)}
          hasAccount={current !== null}
          onReset={account.reload}
        />
      ) : null}
      {current && can(user, "account.assignRoles") ? (
        <RoleEditor key={current.id} staffId={person.id} account={current} onSaved={account.setData} />
      ) : null}
    </section>
  );
}
