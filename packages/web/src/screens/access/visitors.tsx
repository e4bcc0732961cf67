import type { VisitorDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { listDoors } from "../../api/access";
import { issueVisitor, listOpenVisitors, returnVisitor } from "../../api/credentials";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { CheckboxField, TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { type PickedStaff, StaffPicker } from "../../components/staff-picker";
import { StatusMessage } from "../../components/status-message";
import { formatInstant, todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { AccessBreadcrumb } from "./access-overview";

const uidPattern = /^(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{14}|[0-9a-fA-F]{16}|[0-9a-fA-F]{20})$/;

/** 来庁者カード: the duty officer lends a card for the day and records its return. */
export function VisitorsScreen() {
  const { t } = useI18n();
  const visitors = useQuery("visitors-open", (signal) => listOpenVisitors(signal));
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.visitors")} />
      <VisitorForm onIssued={visitors.reload} />
      <section className="panel" aria-labelledby="open-visitors-heading">
        <h2 id="open-visitors-heading">{t("visitors.openHeading")}</h2>
        <ErrorSummary error={visitors.error} />
        {visitors.loading && visitors.data === undefined ? <Loading /> : null}
        {visitors.data ? <OpenVisitors items={visitors.data.items} onReturned={visitors.reload} /> : null}
      </section>
    </>
  );
}

function VisitorForm({ onIssued }: { onIssued: () => void }) {
  const { t } = useI18n();
  const doors = useQuery("access-doors", (signal) => listDoors(signal));
  const action = useAction();
  const [name, setName] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [purpose, setPurpose] = useState("");
  const [host, setHost] = useState<PickedStaff | null>(null);
  const [cardUid, setCardUid] = useState("");
  const [doorIds, setDoorIds] = useState<readonly number[]>([]);
  const [until, setUntil] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmedName = name.trim();
    const trimmedPurpose = purpose.trim();
    const trimmedUid = cardUid.trim();
    const found: FieldProblem[] = [];
    if (trimmedName === "")
      found.push({ id: "visitor-name", label: t("visitors.name"), message: t("form.missing") });
    if (trimmedPurpose === "")
      found.push({ id: "visitor-purpose", label: t("visitors.purpose"), message: t("form.missing") });
    if (host === null)
      found.push({ id: "visitor-host", label: t("visitors.host"), message: t("form.choose") });
    if (!uidPattern.test(trimmedUid))
      found.push({ id: "visitor-uid", label: t("visitors.cardUid"), message: t("cards.uidHint") });
    if (until !== "" && !/^([01]\d|2[0-3]):[0-5]\d$/.test(until))
      found.push({ id: "visitor-until", label: t("visitors.expiresAt"), message: t("schedules.badTime") });
    setProblems(found);
    if (found.length > 0 || host === null) return;
    const trimmedOrganisation = organisation.trim();
    const ok = await action.run(async () => {
      const visitor = await issueVisitor({
        name: trimmedName,
        organisation: trimmedOrganisation === "" ? null : trimmedOrganisation,
        purpose: trimmedPurpose,
        hostStaffId: host.id,
        cardUid: trimmedUid,
        doorIds: [...doorIds],
        ...(until === "" ? {} : { expiresAt: `${todayInTokyo()}T${until}:00+09:00` }),
      });
      return t("visitors.issued", { name: visitor.name });
    });
    if (ok) {
      setName("");
      setOrganisation("");
      setPurpose("");
      setCardUid("");
      setDoorIds([]);
      setUntil("");
      onIssued();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="visitor-form-heading">
      <h2 id="visitor-form-heading">{t("visitors.issueHeading")}</h2>
      <ErrorSummary error={action.error ?? doors.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="visitor-name"
          label={t("visitors.name")}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problemFor("visitor-name")}
          required
        />
        <TextField
          id="visitor-organisation"
          label={t("visitors.organisation")}
          value={organisation}
          maxLength={100}
          onChange={(event) => setOrganisation(event.target.value)}
        />
        <TextField
          id="visitor-purpose"
          label={t("visitors.purpose")}
          value={purpose}
          maxLength={200}
          onChange={(event) => setPurpose(event.target.value)}
          error={problemFor("visitor-purpose")}
          required
        />
        <StaffPicker
          id="visitor-host"
          label={t("visitors.host")}
          value={host}
          onChange={setHost}
          error={problemFor("visitor-host")}
          required
        />
        <TextField
          id="visitor-uid"
          label={t("visitors.cardUid")}
          hint={t("cards.uidHint")}
          value={cardUid}
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setCardUid(event.target.value)}
          error={problemFor("visitor-uid")}
          required
        />
        <fieldset>
          <legend>{t("visitors.doors")}</legend>
          {doors.loading && doors.data === undefined ? <Loading /> : null}
          {doors.data?.items.map((door) => (
            <CheckboxField
              key={door.id}
              id={`visitor-door-${door.id}`}
              label={door.name}
              checked={doorIds.includes(door.id)}
              onChange={(event) =>
                setDoorIds((current) =>
                  event.target.checked ? [...current, door.id] : current.filter((id) => id !== door.id),
                )
              }
            />
          ))}
        </fieldset>
        <TextField
          id="visitor-until"
          label={t("visitors.expiresAt")}
          hint={t("visitors.expiresHint")}
          type="time"
          value={until}
          onChange={(event) => setUntil(event.target.value)}
          error={problemFor("visitor-until")}
        />
        <button type="submit" className="button" disabled={action.busy}>
          {t("visitors.submit")}
        </button>
      </form>
    </section>
  );
}

function OpenVisitors({ items, onReturned }: { items: readonly VisitorDto[]; onReturned: () => void }) {
  const { t, language } = useI18n();
  const action = useAction();
  const open = items.filter((visitor) => visitor.returnedAt === null);

  async function handleReturn(visitor: VisitorDto) {
    const ok = await action.run(async () => {
      await returnVisitor(visitor.id);
      return t("visitors.returned", { name: visitor.name });
    });
    if (ok) onReturned();
  }

  return (
    <>
      <ErrorSummary error={action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      {open.length === 0 ? (
        <p className="empty">{t("visitors.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("visitors.openCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("visitors.name")}</th>
                <th scope="col">{t("visitors.organisation")}</th>
                <th scope="col">{t("visitors.purpose")}</th>
                <th scope="col">{t("visitors.host")}</th>
                <th scope="col">{t("visitors.cardUid")}</th>
                <th scope="col">{t("visitors.issuedAt")}</th>
                <th scope="col">{t("visitors.expiresAt")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((visitor) => (
                <tr key={visitor.id}>
                  <th scope="row">{visitor.name}</th>
                  <td>{visitor.organisation ?? "—"}</td>
                  <td className="wrap">{visitor.purpose}</td>
                  <td>{visitor.hostName}</td>
                  <td>
                    <code>{visitor.cardUid}</code>
                  </td>
                  <td>{formatInstant(visitor.issuedAt, language)}</td>
                  <td>{formatInstant(visitor.expiresAt, language)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t("visitors.returnLabel", { name: visitor.name })}
                      disabled={action.busy}
                      onClick={() => void handleReturn(visitor)}
                    >
                      {t("visitors.return")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
