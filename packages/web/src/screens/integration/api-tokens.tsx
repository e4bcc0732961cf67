import { type ApiTokenCreated, type ApiTokenDto, apiTokenScopes, type Permission } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { createApiToken, listApiTokens, revokeApiToken } from "../../api/integration";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { StatusMessage } from "../../components/status-message";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { issuesByField } from "../../lib/field-errors";
import { tokyoInstant } from "../../lib/tokyo-time";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { SecretOnce } from "./secret-once";

/** API トークン: create with scopes (the secret shown once), list, revoke. */
export function ApiTokensSection() {
  const { t, language } = useI18n();
  const tokens = useQuery("api-tokens", (signal) => listApiTokens(signal));
  const action = useAction();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);

  async function revoke(token: ApiTokenDto) {
    const ok = await action.run(async () => {
      await revokeApiToken(token.id);
      return t("tokens.revoked", { name: token.name });
    });
    setRevoking(null);
    if (ok) tokens.reload();
  }

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t("tokens.heading")}</h2>
      <ErrorSummary error={tokens.error ?? action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      {created ? (
        <SecretOnce
          heading={t("tokens.secretHeading", { name: created.token.name })}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      ) : null}
      {tokens.loading && tokens.data === undefined ? <Loading /> : null}
      {tokens.data !== undefined && tokens.data.length === 0 ? (
        <p className="empty">{t("tokens.none")}</p>
      ) : null}
      {tokens.data !== undefined && tokens.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("tokens.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.scopes")}</th>
                <th scope="col">{t("tokens.state")}</th>
                <th scope="col">{t("tokens.expiresAt")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.created")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    {token.scopes.map((scope) => (
                      <code key={scope} className="scope">
                        {scope}
                      </code>
                    ))}
                  </td>
                  <td>{t(`tokens.state.${token.state}`)}</td>
                  <td>{token.expiresAt ? formatInstant(token.expiresAt, language) : t("tokens.noExpiry")}</td>
                  <td>
                    {token.lastUsedAt ? formatInstant(token.lastUsedAt, language) : t("tokens.neverUsed")}
                  </td>
                  <td>
                    {formatInstant(token.createdAt, language)}（{token.createdBy}）
                  </td>
                  <td>
                    {token.state === "revoked" ? null : revoking?.id === token.id ? (
                      <div className="confirm">
                        <p>{t("tokens.revokeConfirm", { name: token.name })}</p>
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={action.busy}
                            onClick={() => void revoke(token)}
                          >
                            {t("tokens.revoke")}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => setRevoking(null)}
                          >
                            {t("common.cancel")}
                          </button>
                        </div>
                      </div>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => setRevoking(token)}
                      >
                        {t("tokens.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <TokenForm
        onCreated={(result) => {
          setCreated(result);
          tokens.reload();
        }}
      />
    </section>
  );
}

function TokenForm({ onCreated }: { onCreated: (created: ApiTokenCreated) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Permission[]>([]);
  const [expiresAt, setExpiresAt] = useState("");
  const problems = issuesByField(action.error, ["name", "scopes", "expiresAt"] as const);

  function toggleScope(scope: Permission, on: boolean) {
    setScopes((current) => (on ? [...current, scope] : current.filter((one) => one !== scope)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await action.run(async () => {
      const created = await createApiToken({
        name,
        scopes,
        expiresAt: expiresAt === "" ? null : tokyoInstant(expiresAt),
      });
      onCreated(created);
      setName("");
      setScopes([]);
      setExpiresAt("");
      return t("tokens.createdMessage", { name: created.token.name });
    });
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="token-form-heading">
      <h3 id="token-form-heading">{t("tokens.createHeading")}</h3>
      <ErrorSummary error={action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      <TextField
        id="token-name"
        label={t("tokens.name")}
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
        error={problems.name}
        required
      />
      <fieldset aria-describedby="token-scopes-hint">
        <legend>{t("tokens.scopes")}</legend>
        <p id="token-scopes-hint" className="field__hint">
          {t("tokens.scopesHint")}
        </p>
        {problems.scopes ? <p className="field__error">{problems.scopes}</p> : null}
        {apiTokenScopes.map((scope) => (
          <div className="checkbox" key={scope}>
            <input
              id={`token-scope-${scope}`}
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => toggleScope(scope, event.target.checked)}
            />
            <label htmlFor={`token-scope-${scope}`}>
              <code>{scope}</code>
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id="token-expires"
        label={t("tokens.expiresAt")}
        hint={t("tokens.expiresAtHint")}
        type="datetime-local"
        value={expiresAt}
        onChange={(event) => setExpiresAt(event.target.value)}
        error={problems.expiresAt}
      />
      <button type="submit" className="button" disabled={action.busy}>
        {t("tokens.createSubmit")}
      </button>
    </form>
  );
}
