import type { StaffDetail, WhereCanGo } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { whereCanGo } from "../../api/access";
import { AccessReasons } from "../../components/access-reasons";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { assuranceKey, doorModeKey, formatVerdict } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { fullName } from "../../lib/names";
import { nowInTokyoLocal, tokyoInstant } from "../../lib/tokyo-time";
import { useAction } from "../../lib/use-action";

/** 「この職員が入れる場所」: every door this person could pass at the chosen time. */
export function WhereCanGoPanel({ person }: { person: StaffDetail }) {
  const { t, language } = useI18n();
  const action = useAction();
  const [at, setAt] = useState(nowInTokyoLocal);
  const [answer, setAnswer] = useState<WhereCanGo | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const instant = tokyoInstant(at);
    setProblems(
      instant === null ? [{ id: "where-at", label: t("common.dateTime"), message: t("form.missing") }] : [],
    );
    if (instant === null) return;
    setAnswer(null);
    await action.run(async () => {
      const result = await whereCanGo(person.id, instant);
      setAnswer(result);
      return t("common.count", { count: result.doors.length });
    });
  }

  return (
    <section className="panel" aria-labelledby="where-heading">
      <h2 id="where-heading">{t("where.heading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <form onSubmit={handleSubmit} noValidate className="form search-form">
        <TextField
          id="where-at"
          label={t("common.dateTime")}
          type="datetime-local"
          value={at}
          onChange={(event) => setAt(event.target.value)}
          error={problems[0]?.message}
          required
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy}>
            {t("common.ask")}
          </button>
        </div>
      </form>
      <StatusMessage>{action.message}</StatusMessage>
      {answer ? (
        answer.doors.length === 0 ? (
          <p>{t("where.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>
                {t("where.caption", { name: fullName(person), at: formatInstant(answer.at, language) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("rules.door")}</th>
                  <th scope="col">{t("question.toArea")}</th>
                  <th scope="col">{t("question.doorMode")}</th>
                  <th scope="col">{t("question.verdict")}</th>
                  <th scope="col">{t("question.required")}</th>
                  <th scope="col">{t("question.reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {answer.doors.map((door) => (
                  <tr key={door.doorId}>
                    <th scope="row">{door.doorName}</th>
                    <td>{door.toAreaName}</td>
                    <td>{t(doorModeKey(door.doorMode))}</td>
                    <td>{formatVerdict(door.canEnter, door.refusal, t)}</td>
                    <td>{door.requiredAssurance ? t(assuranceKey(door.requiredAssurance)) : "—"}</td>
                    <td>
                      <AccessReasons reasons={door.reasons} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
