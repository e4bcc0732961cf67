import type { DoorDto, WhoCanEnter } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { whoCanEnter } from "../../api/access";
import { AccessReasons } from "../../components/access-reasons";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { assuranceKey, doorModeKey, formatVerdict } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { nowInTokyoLocal, tokyoInstant } from "../../lib/tokyo-time";
import { useAction } from "../../lib/use-action";

/** 「このドアに入れるのは誰か」: everyone a reader would let through the chosen door at the chosen time. */
export function WhoCanEnterPanel({ doors }: { doors: readonly DoorDto[] }) {
  const { t, language } = useI18n();
  const action = useAction();
  const [doorId, setDoorId] = useState("");
  const [at, setAt] = useState(nowInTokyoLocal);
  const [answer, setAnswer] = useState<WhoCanEnter | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const instant = tokyoInstant(at);
    const missing: FieldProblem[] = [];
    if (doorId === "") missing.push({ id: "who-door", label: t("who.door"), message: t("form.choose") });
    if (instant === null)
      missing.push({ id: "who-at", label: t("common.dateTime"), message: t("form.missing") });
    setProblems(missing);
    if (missing.length > 0 || instant === null) return;
    setAnswer(null);
    await action.run(async () => {
      const result = await whoCanEnter(Number(doorId), instant);
      setAnswer(result);
      return t("common.count", { count: result.holders.length });
    });
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="who-heading">
      <h2 id="who-heading">{t("who.heading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <form onSubmit={handleSubmit} noValidate className="form search-form">
        <SelectField
          id="who-door"
          label={t("who.door")}
          value={doorId}
          onChange={(event) => setDoorId(event.target.value)}
          error={problemFor("who-door")}
          required
        >
          <option value="">{t("form.choose")}</option>
          {doors.map((door) => (
            <option key={door.id} value={door.id}>
              {door.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="who-at"
          label={t("common.dateTime")}
          type="datetime-local"
          value={at}
          onChange={(event) => setAt(event.target.value)}
          error={problemFor("who-at")}
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
        answer.holders.length === 0 ? (
          <p>{t("who.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>
                {t("who.caption", {
                  door: answer.doorName,
                  at: formatInstant(answer.at, language),
                  mode: t(doorModeKey(answer.doorMode)),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.staffNumber")}</th>
                  <th scope="col">{t("staff.name")}</th>
                  <th scope="col">{t("question.verdict")}</th>
                  <th scope="col">{t("question.required")}</th>
                  <th scope="col">{t("question.reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {answer.holders.map((holder) => (
                  <tr key={holder.staffId}>
                    <td className="nowrap">{holder.staffNumber}</td>
                    <th scope="row">{holder.staffName}</th>
                    <td>{formatVerdict(holder.canEnter, holder.refusal, t)}</td>
                    <td>{holder.requiredAssurance ? t(assuranceKey(holder.requiredAssurance)) : "—"}</td>
                    <td>
                      <AccessReasons reasons={holder.reasons} />
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
