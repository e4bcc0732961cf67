import { can, type DemoTapResult } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { getDemoPanel, tapDemoCard } from "../../api/demo-panel";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { formatDecisionReason } from "../../i18n/access-labels";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { useInterval } from "../access/use-interval";
import { CardChoice } from "./card-choice";
import { ReaderChoice } from "./reader-choice";

const refreshMs = 1000;

/** 仮想扉パネル: tap a virtual card on a demo reader and watch the door open, or refuse, and relock. */
export function DoorPanelScreen() {
  const { t } = useI18n();
  const user = useUser();
  const panel = useQuery("demo-panel", (signal) => getDemoPanel(signal));
  const action = useAction();
  const [card, setCard] = useState("");
  const [readerId, setReaderId] = useState<number | null>(null);
  const [pin, setPin] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [result, setResult] = useState<DemoTapResult | null>(null);

  useInterval(panel.reload, refreshMs, panel.data !== undefined);

  function findProblems(): FieldProblem[] {
    const found: FieldProblem[] = [];
    if (card === "") found.push({ id: "demo-card", label: t("demo.cards"), message: t("demo.chooseCard") });
    if (readerId === null) {
      found.push({ id: "demo-readers", label: t("demo.readers"), message: t("demo.chooseReader") });
    }
    if (pin !== "" && !/^\d{4}$/.test(pin)) {
      found.push({ id: "demo-pin", label: t("demo.pin"), message: t("demo.pinInvalid") });
    }
    return found;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = findProblems();
    setProblems(found);
    if (found.length > 0 || readerId === null) return;
    setResult(null);
    const typed = pin;
    // A PIN is used once and forgotten, as on a real keypad.
    setPin("");
    await action.run(async () => {
      const answer = await tapDemoCard(typed === "" ? { readerId, card } : { readerId, card, pin: typed });
      setResult(answer);
      panel.reload();
      return "";
    });
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;
  const data = panel.data;
  return (
    <>
      <PageHeading title={t("nav.demoPanel")} />
      <p className="lead">{t("demo.intro")}</p>
      <ErrorSummary error={action.error ?? panel.error} problems={problems} />
      {panel.loading && data === undefined ? <Loading /> : null}
      {data !== undefined ? (
        <form onSubmit={handleSubmit} noValidate className="form demo-panel">
          <CardChoice cards={data.cards} selected={card} error={problemFor("demo-card")} onSelect={setCard} />
          <div id="demo-readers" tabIndex={-1}>
            {problemFor("demo-readers") ? <p className="field__error">{problemFor("demo-readers")}</p> : null}
            <ReaderChoice readers={data.readers} selected={readerId} onSelect={setReaderId} />
          </div>
          <TextField
            id="demo-pin"
            label={t("demo.pin")}
            hint={t("demo.pinHint")}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            error={problemFor("demo-pin")}
            className="demo-panel__pin"
          />
          <button type="submit" className="button demo-panel__tap" disabled={action.busy}>
            {t("demo.tap")}
          </button>
        </form>
      ) : null}
      <section className="panel demo-result" aria-labelledby="demo-result-heading">
        <h2 id="demo-result-heading">{t("demo.resultHeading")}</h2>
        <div aria-live="polite" aria-atomic="true">
          {result === null ? null : (
            <div
              className={
                result.granted
                  ? "demo-result__box demo-result--granted"
                  : "demo-result__box demo-result--denied"
              }
            >
              <p className="demo-result__verdict">{t(result.granted ? "demo.granted" : "demo.denied")}</p>
              {result.granted && result.reason === "granted" ? null : (
                <p>{formatDecisionReason(result.reason, t)}</p>
              )}
              {result.holderName === null ? null : <p>{t("demo.holder", { name: result.holderName })}</p>}
              {result.message === "" ? null : <p className="demo-result__message">{result.message}</p>}
            </div>
          )}
        </div>
        {can(user, "access.read") ? (
          <p>
            <Link to={paths.accessMonitor}>{t("demo.monitorLink")}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
