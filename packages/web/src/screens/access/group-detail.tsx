import {
  type AccessGroupDto,
  can,
  type DoorDto,
  type MembershipDto,
  type ScheduleDto,
} from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import {
  addMember,
  endMember,
  listDoors,
  listGroups,
  listMembers,
  listSchedules,
  updateGroup,
} from "../../api/access";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { type PickedStaff, StaffPicker } from "../../components/staff-picker";
import { StatusMessage } from "../../components/status-message";
import { type Assurance, assuranceKey, assurances, isAssurance } from "../../i18n/access-labels";
import { formatLocalDate, todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";

/** One access group: its rules (door × schedule × 最低保証レベル) and its members with their dates. */
export function GroupDetailScreen({ id }: { id: number }) {
  const { t } = useI18n();
  const user = useUser();
  const groups = useQuery("access-groups", (signal) => listGroups(signal));
  const doors = useQuery("access-doors", (signal) => listDoors(signal));
  const schedules = useQuery("access-schedules", (signal) => listSchedules(signal));
  const members = useQuery(`access-group-${id}-members`, (signal) => listMembers(id, signal));
  const error = groups.error ?? doors.error ?? schedules.error;
  const group = groups.data?.items.find((candidate) => candidate.id === id);
  const ready = groups.data !== undefined && doors.data !== undefined && schedules.data !== undefined;
  const manage = can(user, "access.manage");

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.accessGroups}>{t("access.groups")}</Link>
      </p>
      <PageHeading title={group?.name ?? t("group.title")} />
      <ErrorSummary error={error} />
      {!ready && !error ? <Loading /> : null}
      {ready && group === undefined ? <p>{t("group.notFound")}</p> : null}
      {group && doors.data && schedules.data ? (
        <>
          <RuleTable group={group} doors={doors.data.items} schedules={schedules.data.items} />
          {manage ? (
            <RuleForm
              group={group}
              doors={doors.data.items}
              schedules={schedules.data.items}
              onSaved={groups.reload}
            />
          ) : null}
          <section className="panel" aria-labelledby="members-heading">
            <h2 id="members-heading">{t("members.heading")}</h2>
            <ErrorSummary error={members.error} />
            {members.loading && members.data === undefined ? <Loading /> : null}
            {members.data ? (
              <MemberTable
                group={group}
                members={members.data.items}
                manage={manage}
                onChanged={members.reload}
              />
            ) : null}
          </section>
          {manage ? <MemberForm group={group} onAdded={members.reload} /> : null}
        </>
      ) : null}
    </>
  );
}

function nameOf(list: readonly { id: number; name: string }[], id: number): string {
  return list.find((item) => item.id === id)?.name ?? `#${id}`;
}

function RuleTable({
  group,
  doors,
  schedules,
}: {
  group: AccessGroupDto;
  doors: readonly DoorDto[];
  schedules: readonly ScheduleDto[];
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t("rules.heading")}</h2>
      {group.rules.length === 0 ? (
        <p className="empty">{t("rules.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("rules.caption", { name: group.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rules.door")}</th>
                <th scope="col">{t("rules.schedule")}</th>
                <th scope="col">{t("rules.assurance")}</th>
              </tr>
            </thead>
            <tbody>
              {group.rules.map((rule) => (
                <tr key={`${rule.doorId}/${rule.scheduleId}`}>
                  <th scope="row">{nameOf(doors, rule.doorId)}</th>
                  <td>{nameOf(schedules, rule.scheduleId)}</td>
                  <td>{t(assuranceKey(rule.minimumAssurance))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleForm({
  group,
  doors,
  schedules,
  onSaved,
}: {
  group: AccessGroupDto;
  doors: readonly DoorDto[];
  schedules: readonly ScheduleDto[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [doorId, setDoorId] = useState("");
  const [scheduleId, setScheduleId] = useState("");
  const [assurance, setAssurance] = useState<Assurance>("tap");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldProblem[] = [];
    if (doorId === "") missing.push({ id: "rule-door", label: t("rules.door"), message: t("form.choose") });
    if (scheduleId === "")
      missing.push({ id: "rule-schedule", label: t("rules.schedule"), message: t("form.choose") });
    setProblems(missing);
    if (missing.length > 0) return;
    const ok = await action.run(async () => {
      await updateGroup(group.id, {
        name: group.name,
        rules: [
          ...group.rules,
          { doorId: Number(doorId), scheduleId: Number(scheduleId), minimumAssurance: assurance },
        ],
      });
      return t("rules.added");
    });
    if (ok) {
      setDoorId("");
      setScheduleId("");
      onSaved();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="rule-form-heading">
      <h2 id="rule-form-heading">{t("rules.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <SelectField
          id="rule-door"
          label={t("rules.door")}
          value={doorId}
          onChange={(event) => setDoorId(event.target.value)}
          error={problemFor("rule-door")}
          required
        >
          <option value="">{t("form.choose")}</option>
          {doors.map((door) => (
            <option key={door.id} value={door.id}>
              {door.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="rule-schedule"
          label={t("rules.schedule")}
          value={scheduleId}
          onChange={(event) => setScheduleId(event.target.value)}
          error={problemFor("rule-schedule")}
          required
        >
          <option value="">{t("form.choose")}</option>
          {schedules.map((schedule) => (
            <option key={schedule.id} value={schedule.id}>
              {schedule.name}
            </option>
          ))}
        </SelectField>
        <AssuranceSelect id="rule-assurance" value={assurance} onChange={setAssurance} />
        <button type="submit" className="button" disabled={action.busy}>
          {t("rules.submit")}
        </button>
      </form>
    </section>
  );
}

export function AssuranceSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Assurance;
  onChange: (value: Assurance) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t("rules.assurance")}
      value={value}
      onChange={(event) => {
        if (isAssurance(event.target.value)) onChange(event.target.value);
      }}
    >
      {assurances.map((level) => (
        <option key={level} value={level}>
          {t(assuranceKey(level))}
        </option>
      ))}
    </SelectField>
  );
}

function MemberTable({
  group,
  members,
  manage,
  onChanged,
}: {
  group: AccessGroupDto;
  members: readonly MembershipDto[];
  manage: boolean;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const action = useAction();
  const [endDates, setEndDates] = useState<Record<number, string>>({});

  async function end(member: MembershipDto) {
    const validTo = endDates[member.id] ?? todayInTokyo();
    const ok = await action.run(async () => {
      await endMember(group.id, member.id, validTo);
      return t("members.ended", { name: member.staffName, date: formatLocalDate(validTo, language) });
    });
    if (ok) onChanged();
  }

  if (members.length === 0) return <p className="empty">{t("members.none")}</p>;
  return (
    <>
      <ErrorSummary error={action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t("members.caption", { name: group.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.staffNumber")}</th>
              <th scope="col">{t("staff.name")}</th>
              <th scope="col">{t("members.validFrom")}</th>
              <th scope="col">{t("members.validTo")}</th>
              {manage ? <th scope="col">{t("common.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td className="nowrap">{member.staffNumber}</td>
                <th scope="row">
                  <Link to={paths.staff(member.staffId)}>{member.staffName}</Link>
                </th>
                <td>{formatLocalDate(member.validFrom, language)}</td>
                <td>
                  {member.validTo === null ? t("members.open") : formatLocalDate(member.validTo, language)}
                </td>
                {manage ? (
                  <td>
                    <div className="inline-action">
                      <label className="visually-hidden" htmlFor={`member-${member.id}-end`}>
                        {t("members.endDate", { name: member.staffName })}
                      </label>
                      <input
                        id={`member-${member.id}-end`}
                        type="date"
                        value={endDates[member.id] ?? todayInTokyo()}
                        onChange={(event) =>
                          setEndDates((current) => ({ ...current, [member.id]: event.target.value }))
                        }
                      />
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t("members.endLabel", { name: member.staffName })}
                        disabled={action.busy}
                        onClick={() => void end(member)}
                      >
                        {t("members.end")}
                      </button>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function MemberForm({ group, onAdded }: { group: AccessGroupDto; onAdded: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [staff, setStaff] = useState<PickedStaff | null>(null);
  const [validFrom, setValidFrom] = useState(todayInTokyo());
  const [validTo, setValidTo] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldProblem[] = [];
    if (staff === null)
      missing.push({ id: "member-staff", label: t("picker.staff"), message: t("form.choose") });
    if (validFrom === "")
      missing.push({ id: "member-from", label: t("members.validFrom"), message: t("form.missing") });
    setProblems(missing);
    if (missing.length > 0 || staff === null) return;
    const ok = await action.run(async () => {
      await addMember(group.id, { staffId: staff.id, validFrom, validTo: validTo === "" ? null : validTo });
      return t("members.added", { name: staff.name });
    });
    if (ok) {
      setValidTo("");
      onAdded();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="member-form-heading">
      <h2 id="member-form-heading">{t("members.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <StaffPicker
          id="member-staff"
          value={staff}
          onChange={setStaff}
          error={problemFor("member-staff")}
          required
        />
        <TextField
          id="member-from"
          label={t("members.validFrom")}
          type="date"
          value={validFrom}
          onChange={(event) => setValidFrom(event.target.value)}
          error={problemFor("member-from")}
          required
        />
        <TextField
          id="member-to"
          label={t("members.validTo")}
          hint={t("members.validToHint")}
          type="date"
          value={validTo}
          onChange={(event) => setValidTo(event.target.value)}
          error={problemFor("member-to")}
        />
        <button type="submit" className="button" disabled={action.busy}>
          {t("members.submit")}
        </button>
      </form>
    </section>
  );
}
