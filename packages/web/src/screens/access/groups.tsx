import { can } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { createGroup, listGroups } from "../../api/access";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { AccessBreadcrumb } from "./access-overview";

/** 入退室グループ: the list, each leading to its rules and members. */
export function GroupsScreen() {
  const { t } = useI18n();
  const user = useUser();
  const groups = useQuery("access-groups", (signal) => listGroups(signal));
  const items = groups.data?.items;
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.groups")} />
      <ErrorSummary error={groups.error} />
      {groups.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("groups.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("groups.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groups.name")}</th>
                <th scope="col">{t("groups.ruleCount")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((group) => (
                <tr key={group.id}>
                  <th scope="row">
                    <Link to={paths.accessGroup(group.id)}>{group.name}</Link>
                  </th>
                  <td>{group.rules.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {can(user, "access.manage") ? <GroupForm onAdded={groups.reload} /> : null}
    </>
  );
}

function GroupForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    const missing =
      trimmed === "" ? [{ id: "group-name", label: t("groups.name"), message: t("form.missing") }] : [];
    setProblems(missing);
    if (missing.length > 0) return;
    const ok = await action.run(async () => {
      const group = await createGroup({ name: trimmed, rules: [] });
      return t("groups.added", { name: group.name });
    });
    if (ok) {
      setName("");
      onAdded();
    }
  }

  return (
    <section className="panel" aria-labelledby="group-form-heading">
      <h2 id="group-form-heading">{t("groups.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="group-name"
          label={t("groups.name")}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problems[0]?.message}
          required
        />
        <button type="submit" className="button" disabled={action.busy}>
          {t("groups.submit")}
        </button>
      </form>
    </section>
  );
}
