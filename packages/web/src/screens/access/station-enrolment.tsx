import type { AgentDto, StationEnrolment } from "@tobira/protocol";
import { type FormEvent, useRef, useState } from "react";
import { getStationEnrolment, listAgents, startStationEnrolment } from "../../api/agents";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { SelectField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { credentialKindKey } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { useInterval } from "./use-interval";

type CardKind = StationEnrolment["kind"];

const cardKinds: readonly CardKind[] = ["jpki", "staffCard"];
const stationRefreshMs = 5000;
const enrolmentPollMs = 1000;

interface Watching {
  enrolment: StationEnrolment;
  stationName: string;
}

type Outcome = { kind: "enrolled" } | { kind: "failed"; message: string | null } | null;

function isReadyStation(agent: AgentDto): boolean {
  return agent.role === "enrolment" && agent.status === "approved" && agent.connected;
}

/** 登録端末で登録: the holder shows the card and PIN at a station while the administrator watches here. */
export function StationEnrolmentPanel({ staffId, onEnrolled }: { staffId: number; onEnrolled: () => void }) {
  const { t, language } = useI18n();
  const agents = useQuery("enrolment-stations", (signal) => listAgents(signal));
  const [stationId, setStationId] = useState("");
  const [kind, setKind] = useState<CardKind>("jpki");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [watching, setWatching] = useState<Watching | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const polling = useRef(false);
  const stations = agents.data?.items.filter(isReadyStation) ?? [];

  useInterval(agents.reload, stationRefreshMs, watching === null);
  useInterval(() => void poll(), enrolmentPollMs, watching !== null);

  async function poll() {
    // A slow answer must not overlap the next beat, or one enrolment could be reported twice.
    if (watching === null || polling.current) return;
    polling.current = true;
    try {
      const enrolment = await getStationEnrolment(watching.enrolment.enrolmentId);
      setError(null);
      if (enrolment.state === "waiting") return;
      setWatching(null);
      if (enrolment.state === "enrolled") {
        setOutcome({ kind: "enrolled" });
        onEnrolled();
      } else {
        setOutcome({ kind: "failed", message: enrolment.message });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      polling.current = false;
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const station = stations.find((agent) => String(agent.id) === stationId);
    const found =
      station === undefined
        ? [
            {
              id: "station-agent",
              label: t("stationEnrol.station"),
              message: t("stationEnrol.chooseStation"),
            },
          ]
        : [];
    setProblems(found);
    setOutcome(null);
    setError(null);
    if (station === undefined) return;
    setBusy(true);
    try {
      const enrolment = await startStationEnrolment(station.id, { staffId, kind });
      setWatching({ enrolment, stationName: station.name });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="subpanel station-enrolment">
      <h3 id="station-enrol-heading">{t("stationEnrol.heading")}</h3>
      <p>{t("stationEnrol.intro")}</p>
      <ErrorSummary error={agents.error ?? error} problems={problems} />
      <StatusMessage>
        {watching !== null ? (
          <>
            <span className="station-enrolment__prompt">
              {t("stationEnrol.waiting", { station: watching.stationName })}
            </span>{" "}
            {t("stationEnrol.expires", { time: formatInstant(watching.enrolment.expiresAt, language) })}
          </>
        ) : outcome?.kind === "enrolled" ? (
          t("stationEnrol.enrolled")
        ) : null}
      </StatusMessage>
      {outcome?.kind === "failed" ? (
        <p role="alert" className="station-enrolment__failed">
          {outcome.message === null
            ? t("stationEnrol.failedNoReason")
            : t("stationEnrol.failed", { message: outcome.message })}
        </p>
      ) : null}
      {watching !== null ? (
        <button type="button" className="button button--secondary" onClick={() => setWatching(null)}>
          {t("stationEnrol.stopWatching")}
        </button>
      ) : agents.data !== undefined && stations.length === 0 ? (
        <p className="empty">{t("stationEnrol.noStation")}</p>
      ) : agents.data !== undefined ? (
        <form onSubmit={handleSubmit} noValidate className="form" aria-labelledby="station-enrol-heading">
          <SelectField
            id="station-agent"
            label={t("stationEnrol.station")}
            value={stationId}
            onChange={(event) => setStationId(event.target.value)}
            error={problems[0]?.message}
            required
          >
            <option value="">{t("form.choose")}</option>
            {stations.map((station) => (
              <option key={station.id} value={station.id}>
                {station.readerName === null ? station.name : `${station.name}（${station.readerName}）`}
              </option>
            ))}
          </SelectField>
          <fieldset>
            <legend>{t("stationEnrol.kind")}</legend>
            {cardKinds.map((one) => (
              <div key={one} className="checkbox">
                <input
                  id={`station-kind-${one}`}
                  type="radio"
                  name="station-kind"
                  value={one}
                  checked={kind === one}
                  onChange={() => setKind(one)}
                />
                <label htmlFor={`station-kind-${one}`}>{t(credentialKindKey(one))}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t("stationEnrol.start")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
