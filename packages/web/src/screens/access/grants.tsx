import { can, type DoorDto, type GrantDto, type VisitorDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import {
  approveGrant,
  denyGrant,
  listDoors,
  listGrants,
  listPendingGrants,
  requestGrant,
} from "../../api/access";
import { listOpenVisitors } from "../../api/credentials";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField, TextAreaField, TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { type PickedStaff, StaffPicker } from "../../components/staff-picker";
import { StatusMessage } from "../../components/status-message";
import { type Assurance, assuranceKey, grantStateKey } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { nowInTokyoLocal, tokyoInstant } from "../../lib/tokyo-time";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AccessBreadcrumb } from "./access-overview";
import { AssuranceSelect } from "./group-detail";

/** 一時許可: requested by the security administrator, decided by a second person (四眼原則). */
export function GrantsScreen() {
  const { t } = useI18n();
  const user = useUser();
  const [generation, setGeneration] = useState(0);
  const refresh = () => setGeneration((value) => value + 1);
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.grants")} />
      {can(user, "access.manage") ? <GrantRequestForm onRequested={refresh} /> : null}
      {can(user, "access.approveGrant") ? (
        <PendingGrants key={`pending-${generation}`} onDecided={refresh} />
      ) : null}
      {can(user, "access.read") ? <AllGrants key={`all-${generation}`} /> : null}
    </>
  );
}

type HolderKind = "staff" | "visitor";
const holderKinds: readonly HolderKind[] = ["staff", "visitor"];

function GrantRequestForm({ onRequested }: { onRequested: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  // The open visitor list needs visitor.issue; without it, grants can be requested for staff only.
  const mayPickVisitor = can(user, "visitor.issue");
  const doors = useQuery("access-doors", (signal) => listDoors(signal));
  const action = useAction();
  const [holderKind, setHolderKind] = useState<HolderKind>("staff");
  const [staff, setStaff] = useState<PickedStaff | null>(null);
  const [visitorId, setVisitorId] = useState("");
  const [doorId, setDoorId] = useState("");
  const [from, setFrom] = useState(nowInTokyoLocal);
  const [to, setTo] = useState("");
  const [assurance, setAssurance] = useState<Assurance>("tapProof");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fromInstant = tokyoInstant(from);
    const toInstant = tokyoInstant(to);
    const trimmed = reason.trim();
    const missing: FieldProblem[] = [];
    const forVisitor = mayPickVisitor && holderKind === "visitor";
    if (!forVisitor && staff === null)
      missing.push({ id: "grant-staff", label: t("picker.staff"), message: t("form.choose") });
    if (forVisitor && visitorId === "")
      missing.push({ id: "grant-visitor", label: t("grants.visitor"), message: t("form.choose") });
    if (doorId === "") missing.push({ id: "grant-door", label: t("grants.door"), message: t("form.choose") });
    if (fromInstant === null)
      missing.push({ id: "grant-from", label: t("grants.from"), message: t("form.missing") });
    if (toInstant === null)
      missing.push({ id: "grant-to", label: t("grants.to"), message: t("form.missing") });
    if (trimmed === "")
      missing.push({ id: "grant-reason", label: t("grants.reason"), message: t("form.missing") });
    setProblems(missing);
    const staffId = forVisitor || staff === null ? null : staff.id;
    const pickedVisitor = forVisitor && visitorId !== "" ? Number(visitorId) : null;
    if (missing.length > 0 || fromInstant === null || toInstant === null) return;
    if (staffId === null && pickedVisitor === null) return;
    const ok = await action.run(async () => {
      await requestGrant({
        staffId,
        visitorId: pickedVisitor,
        doorId: Number(doorId),
        from: fromInstant,
        to: toInstant,
        // A visitor card is a UID card: it can only be tapped.
        minimumAssurance: forVisitor ? "tap" : assurance,
        reason: trimmed,
      });
      return t("grants.requested");
    });
    if (ok) {
      setReason("");
      onRequested();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="grant-form-heading">
      <h2 id="grant-form-heading">{t("grants.requestHeading")}</h2>
      <ErrorSummary error={action.error ?? doors.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        {mayPickVisitor ? (
          <fieldset className="field">
            <legend>{t("grants.holderKind")}</legend>
            {holderKinds.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="radio"
                  name="grant-holder-kind"
                  value={kind}
                  checked={holderKind === kind}
                  onChange={() => setHolderKind(kind)}
                />{" "}
                {t(kind === "staff" ? "grants.kindStaff" : "grants.kindVisitor")}
              </label>
            ))}
          </fieldset>
        ) : null}
        {mayPickVisitor && holderKind === "visitor" ? (
          <VisitorSelect value={visitorId} onChange={setVisitorId} error={problemFor("grant-visitor")} />
        ) : (
          <StaffPicker
            id="grant-staff"
            value={staff}
            onChange={setStaff}
            error={problemFor("grant-staff")}
            required
          />
        )}
        <DoorSelect
          id="grant-door"
          doors={doors.data?.items ?? []}
          value={doorId}
          onChange={setDoorId}
          error={problemFor("grant-door")}
        />
        <TextField
          id="grant-from"
          label={t("grants.from")}
          type="datetime-local"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          error={problemFor("grant-from")}
          required
        />
        <TextField
          id="grant-to"
          label={t("grants.to")}
          type="datetime-local"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          error={problemFor("grant-to")}
          required
        />
        {mayPickVisitor && holderKind === "visitor" ? (
          <p className="field__hint">{t("grants.visitorTapOnly")}</p>
        ) : (
          <AssuranceSelect id="grant-assurance" value={assurance} onChange={setAssurance} />
        )}
        <TextAreaField
          id="grant-reason"
          label={t("grants.reason")}
          hint={t("grants.reasonHint")}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          error={problemFor("grant-reason")}
          required
        />
        <button type="submit" className="button" disabled={action.busy}>
          {t("grants.submit")}
        </button>
      </form>
    </section>
  );
}

/** The visitors whose card is still out (GET /api/visitors?open=true). */
function VisitorSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const visitors = useQuery("visitors-open", (signal) => listOpenVisitors(signal));
  const items: readonly VisitorDto[] = visitors.data?.items ?? [];
  return (
    <>
      <ErrorSummary error={visitors.error} />
      <SelectField
        id="grant-visitor"
        label={t("grants.visitor")}
        hint={visitors.data !== undefined && items.length === 0 ? t("grants.visitorNone") : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
        required
      >
        <option value="">{t("form.choose")}</option>
        {items.map((visitor) => (
          <option key={visitor.id} value={visitor.id}>
            {visitor.organisation ? `${visitor.name}（${visitor.organisation}）` : visitor.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}

function DoorSelect({
  id,
  doors,
  value,
  onChange,
  error,
}: {
  id: string;
  doors: readonly DoorDto[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t("grants.door")}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      required
    >
      <option value="">{t("form.choose")}</option>
      {doors.map((door) => (
        <option key={door.id} value={door.id}>
          {door.name}
        </option>
      ))}
    </SelectField>
  );
}

function period(grant: GrantDto, language: "ja" | "en"): string {
  return `${formatInstant(grant.from, language)} 〜 ${formatInstant(grant.to, language)}`;
}

function PendingGrants({ onDecided }: { onDecided: () => void }) {
  const { t, language } = useI18n();
  const pending = useQuery("access-grants-pending", (signal) => listPendingGrants(signal));
  const action = useAction();
  const [comments, setComments] = useState<Record<number, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function decide(grant: GrantDto, decision: "approve" | "deny") {
    const comment = (comments[grant.id] ?? "").trim();
    const commentId = `grant-${grant.id}-comment`;
    if (decision === "deny" && comment === "") {
      action.clear();
      setProblems([
        {
          id: commentId,
          label: t("grants.comment", { name: grant.holderName }),
          message: t("grants.denyNeedsComment"),
        },
      ]);
      return;
    }
    setProblems([]);
    const ok = await action.run(async () => {
      if (decision === "approve") {
        await approveGrant(grant.id, comment === "" ? null : comment);
        return t("grants.approved", { name: grant.holderName });
      }
      await denyGrant(grant.id, comment);
      return t("grants.denied", { name: grant.holderName });
    });
    if (ok) onDecided();
  }

  const items = pending.data?.items;
  return (
    <section className="panel" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t("grants.pendingHeading")}</h2>
      <p>{t("grants.selfRule")}</p>
      <ErrorSummary error={action.error ?? pending.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      {pending.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("grants.pendingNone")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("grants.pendingCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("grants.holder")}</th>
                <th scope="col">{t("grants.door")}</th>
                <th scope="col">{t("grants.period")}</th>
                <th scope="col">{t("grants.assurance")}</th>
                <th scope="col">{t("grants.reason")}</th>
                <th scope="col">{t("grants.requestedBy")}</th>
                <th scope="col">{t("grants.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((grant) => {
                const commentId = `grant-${grant.id}-comment`;
                const invalid = problems.some((problem) => problem.id === commentId);
                return (
                  <tr key={grant.id}>
                    <th scope="row">{grant.holderName}</th>
                    <td>{grant.doorName}</td>
                    <td>{period(grant, language)}</td>
                    <td>{t(assuranceKey(grant.minimumAssurance))}</td>
                    <td className="wrap">{grant.reason}</td>
                    <td>{grant.requestedBy}</td>
                    <td>
                      <div className="decision">
                        <label htmlFor={commentId}>{t("grants.comment", { name: grant.holderName })}</label>
                        <textarea
                          id={commentId}
                          rows={2}
                          maxLength={500}
                          aria-invalid={invalid ? true : undefined}
                          value={comments[grant.id] ?? ""}
                          onChange={(event) =>
                            setComments((current) => ({ ...current, [grant.id]: event.target.value }))
                          }
                        />
                        <div className="button-row">
                          <button
                            type="button"
                            className="button"
                            aria-label={t("grants.approveLabel", {
                              name: grant.holderName,
                              door: grant.doorName,
                            })}
                            disabled={action.busy}
                            onClick={() => void decide(grant, "approve")}
                          >
                            {t("grants.approve")}
                          </button>
                          <button
                            type="button"
                            className="button button--danger"
                            aria-label={t("grants.denyLabel", {
                              name: grant.holderName,
                              door: grant.doorName,
                            })}
                            disabled={action.busy}
                            onClick={() => void decide(grant, "deny")}
                          >
                            {t("grants.deny")}
                          </button>
                        </div>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function AllGrants() {
  const { t, language } = useI18n();
  const grants = useQuery("access-grants", (signal) => listGrants(signal));
  const items = grants.data?.items;
  return (
    <section className="panel" aria-labelledby="all-grants-heading">
      <h2 id="all-grants-heading">{t("grants.allHeading")}</h2>
      <ErrorSummary error={grants.error} />
      {grants.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("grants.allNone")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("grants.allCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("grants.holder")}</th>
                <th scope="col">{t("grants.door")}</th>
                <th scope="col">{t("grants.period")}</th>
                <th scope="col">{t("grants.state")}</th>
                <th scope="col">{t("grants.reason")}</th>
                <th scope="col">{t("grants.requestedBy")}</th>
                <th scope="col">{t("grants.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((grant) => (
                <tr key={grant.id}>
                  <th scope="row">{grant.holderName}</th>
                  <td>{grant.doorName}</td>
                  <td>{period(grant, language)}</td>
                  <td>
                    {t(grantStateKey(grant.state))}
                    {grant.expired ? <span className="badge">{t("grants.expired")}</span> : null}
                  </td>
                  <td className="wrap">{grant.reason}</td>
                  <td>{grant.requestedBy}</td>
                  <td className="wrap">
                    {grant.decidedBy ?? "—"}
                    {grant.decisionComment ? `：${grant.decisionComment}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
