import { can, type EnrolledCredential, type StaffDetail } from "@tobira/protocol";
import { type FormEvent, useEffect, useState } from "react";
import {
  changeCredentialStatus,
  enrolUidCard,
  listStaffCredentials,
  type StatusChange,
} from "../../api/credentials";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { StatusMessage } from "../../components/status-message";
import { credentialKindKey, credentialStatusKey } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { fullName } from "../../lib/names";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { StationEnrolmentPanel } from "./station-enrolment";

const changeKeys: Record<StatusChange, MessageKey> = {
  suspend: "cards.suspend",
  reinstate: "cards.reinstate",
  revoke: "cards.revoke",
};

function changesFor(card: EnrolledCredential): StatusChange[] {
  if (card.status === "active") return ["suspend", "revoke"];
  if (card.status === "suspended") return ["reinstate", "revoke"];
  return [];
}

/** カード: the person's enrolled cards, with suspend / reinstate / revoke, station and UID enrolment. */
export function StaffCardsPanel({ person }: { person: StaffDetail }) {
  const { t, language } = useI18n();
  const user = useUser();
  const manage = can(user, "access.manage");
  const cards = useQuery(`credentials-${person.id}`, (signal) => listStaffCredentials(person.id, signal));
  const action = useAction();
  const [pending, setPending] = useState<{ card: EnrolledCredential; change: StatusChange } | null>(null);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  function choose(card: EnrolledCredential, change: StatusChange) {
    action.clear();
    setProblems([]);
    setReason("");
    setPending({ card, change });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending === null) return;
    const trimmed = reason.trim();
    const missing =
      trimmed === "" ? [{ id: "card-reason", label: t("cards.reason"), message: t("form.missing") }] : [];
    setProblems(missing);
    if (missing.length > 0) return;
    const ok = await action.run(async () => {
      const changed = await changeCredentialStatus(pending.card.id, pending.change, trimmed);
      return t("cards.changed", { status: t(credentialStatusKey(changed.status)) });
    });
    if (ok) {
      setPending(null);
      cards.reload();
    }
  }

  // The reason form opens on the user's own click; focus follows it there.
  useEffect(() => {
    if (pending !== null) document.getElementById("card-reason")?.focus();
  }, [pending]);

  const items = cards.data?.items;
  return (
    <section className="panel" aria-labelledby="cards-heading">
      <h2 id="cards-heading">{t("cards.heading")}</h2>
      <ErrorSummary error={cards.error ?? action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      {cards.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("cards.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("cards.caption", { name: fullName(person) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cards.kind")}</th>
                <th scope="col">{t("cards.key")}</th>
                <th scope="col">{t("cards.status")}</th>
                <th scope="col">{t("cards.validTo")}</th>
                {manage ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((card) => (
                <tr key={card.id}>
                  <th scope="row">{t(credentialKindKey(card.kind))}</th>
                  <td>
                    <code className="wrap">{card.key}</code>
                  </td>
                  <td>
                    {t(credentialStatusKey(card.status))}
                    {card.statusReason ? `（${card.statusReason}）` : ""}
                  </td>
                  <td>{card.validTo === null ? "—" : formatInstant(card.validTo, language)}</td>
                  {manage ? (
                    <td>
                      <div className="button-row">
                        {changesFor(card).map((change) => (
                          <button
                            key={change}
                            type="button"
                            className={
                              change === "revoke" ? "button button--danger" : "button button--secondary"
                            }
                            aria-label={t("cards.actionLabel", {
                              action: t(changeKeys[change]),
                              key: card.key,
                            })}
                            onClick={() => choose(card, change)}
                          >
                            {t(changeKeys[change])}
                          </button>
                        ))}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pending !== null ? (
        <form
          onSubmit={confirm}
          noValidate
          className={pending.change === "revoke" ? "form confirm" : "form subpanel"}
          aria-labelledby="card-change-heading"
        >
          <h3 id="card-change-heading">
            {t("cards.confirmHeading", { action: t(changeKeys[pending.change]), key: pending.card.key })}
          </h3>
          <TextField
            id="card-reason"
            label={t("cards.reason")}
            value={reason}
            maxLength={200}
            onChange={(event) => setReason(event.target.value)}
            error={problems[0]?.message}
            required
          />
          <div className="button-row">
            <button
              type="submit"
              className={pending.change === "revoke" ? "button button--danger" : "button"}
              disabled={action.busy}
            >
              {t("cards.confirm", { action: t(changeKeys[pending.change]) })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : null}
      {manage ? <StationEnrolmentPanel staffId={person.id} onEnrolled={cards.reload} /> : null}
      {manage ? <UidEnrolment staffId={person.id} onEnrolled={cards.reload} /> : null}
    </section>
  );
}

function UidEnrolment({ staffId, onEnrolled }: { staffId: number; onEnrolled: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [uid, setUid] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = uid.trim();
    const valid = /^(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{14}|[0-9a-fA-F]{16}|[0-9a-fA-F]{20})$/.test(trimmed);
    const found = valid ? [] : [{ id: "card-uid", label: t("cards.uid"), message: t("cards.uidHint") }];
    setProblems(found);
    if (!valid) return;
    const ok = await action.run(async () => {
      await enrolUidCard(staffId, trimmed);
      return t("cards.enrolled");
    });
    if (ok) {
      setUid("");
      onEnrolled();
    }
  }

  return (
    <div className="subpanel">
      <h3 id="uid-heading">{t("cards.enrolHeading")}</h3>
      <p>{t("cards.enrolIntro")}</p>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form" aria-labelledby="uid-heading">
        <TextField
          id="card-uid"
          label={t("cards.uid")}
          hint={t("cards.uidHint")}
          value={uid}
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setUid(event.target.value)}
          error={problems[0]?.message}
          required
        />
        <button type="submit" className="button" disabled={action.busy}>
          {t("cards.enrol")}
        </button>
      </form>
    </div>
  );
}
