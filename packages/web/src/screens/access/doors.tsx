import { type AreaDto, can, type DoorDto, type ReaderDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { createArea, createDoor, createReader, listAreas, listDoors, listReaders } from "../../api/access";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { CheckboxField, SelectField, TextField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import {
  type DoorMode,
  doorModeKey,
  doorModes,
  isDoorMode,
  isReaderKind,
  isReaderSide,
  type ReaderKind,
  type ReaderSide,
  readerKindKey,
  readerKinds,
  readerSideKey,
  readerSides,
} from "../../i18n/access-labels";
import { useI18n } from "../../i18n/i18n";
import { areaName, flattenAreas } from "../../lib/area-tree";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AccessBreadcrumb } from "./access-overview";
import { WhoCanEnterPanel } from "./who-can-enter";

/** 建物: areas as a tree, the doors between them and the readers on each door. */
export function DoorsScreen() {
  const { t } = useI18n();
  const user = useUser();
  const areas = useQuery("access-areas", (signal) => listAreas(signal));
  const doors = useQuery("access-doors", (signal) => listDoors(signal));
  const readers = useQuery("access-readers", (signal) => listReaders(signal));
  const error = areas.error ?? doors.error ?? readers.error;
  const loaded =
    areas.data !== undefined && doors.data !== undefined && readers.data !== undefined
      ? { areas: areas.data.items, doors: doors.data.items, readers: readers.data.items }
      : null;

  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.doors")} />
      <ErrorSummary error={error} />
      {loaded === null && !error ? <Loading /> : null}
      {loaded ? (
        <>
          <AreaTable areas={loaded.areas} />
          <DoorTable areas={loaded.areas} doors={loaded.doors} readers={loaded.readers} />
          <OtherReaders readers={loaded.readers} />
          <WhoCanEnterPanel doors={loaded.doors} />
          {can(user, "access.manage") ? (
            <>
              <AreaForm areas={loaded.areas} onAdded={areas.reload} />
              <DoorForm areas={loaded.areas} onAdded={doors.reload} />
              <ReaderForm doors={loaded.doors} onAdded={readers.reload} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function AreaTable({ areas }: { areas: readonly AreaDto[] }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="areas-heading">
      <h2 id="areas-heading">{t("areas.heading")}</h2>
      {areas.length === 0 ? (
        <p className="empty">{t("areas.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("areas.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("areas.name")}</th>
                <th scope="col">{t("areas.antiPassback")}</th>
                <th scope="col">{t("areas.twoPersonRule")}</th>
              </tr>
            </thead>
            <tbody>
              {flattenAreas(areas).map(({ area, depth }) => (
                <tr key={area.id}>
                  <th scope="row">
                    <span className="tree-indent" style={{ paddingInlineStart: `${depth * 1.5}em` }}>
                      {depth > 0 ? <span aria-hidden="true">└ </span> : null}
                      {area.name}
                    </span>
                  </th>
                  <td>{area.antiPassback ? "○" : "—"}</td>
                  <td>{area.twoPersonRule ? "○" : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DoorTable({
  areas,
  doors,
  readers,
}: {
  areas: readonly AreaDto[];
  doors: readonly DoorDto[];
  readers: readonly ReaderDto[];
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="doors-heading">
      <h2 id="doors-heading">{t("doors.heading")}</h2>
      {doors.length === 0 ? (
        <p className="empty">{t("doors.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("doors.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("doors.name")}</th>
                <th scope="col">{t("doors.from")}</th>
                <th scope="col">{t("doors.to")}</th>
                <th scope="col">{t("doors.defaultMode")}</th>
                <th scope="col">{t("doors.readers")}</th>
              </tr>
            </thead>
            <tbody>
              {doors.map((door) => {
                const own = readers.filter((reader) => reader.doorId === door.id);
                return (
                  <tr key={door.id}>
                    <th scope="row">{door.name}</th>
                    <td>{areaName(areas, door.fromAreaId)}</td>
                    <td>
                      <span aria-hidden="true">→ </span>
                      {areaName(areas, door.toAreaId)}
                    </td>
                    <td>{t(doorModeKey(door.defaultMode))}</td>
                    <td>
                      {own.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="plain-list">
                          {own.map((reader) => (
                            <li key={reader.id}>
                              {reader.name}
                              {reader.side !== null ? `（${t(readerSideKey(reader.side))}）` : ""}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OtherReaders({ readers }: { readers: readonly ReaderDto[] }) {
  const { t } = useI18n();
  const others = readers.filter((reader) => reader.doorId === null);
  return (
    <section className="panel" aria-labelledby="other-readers-heading">
      <h2 id="other-readers-heading">{t("readers.otherHeading")}</h2>
      {others.length === 0 ? (
        <p className="empty">{t("readers.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("readers.otherCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("readers.name")}</th>
                <th scope="col">{t("readers.kind")}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((reader) => (
                <tr key={reader.id}>
                  <th scope="row">{reader.name}</th>
                  <td>{t(readerKindKey(reader.kind))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AreaOptions({ areas }: { areas: readonly AreaDto[] }) {
  return (
    <>
      {flattenAreas(areas).map(({ area, depth }) => (
        <option key={area.id} value={area.id}>
          {"\u3000".repeat(depth)}
          {area.name}
        </option>
      ))}
    </>
  );
}

function numberOrNull(value: string): number | null {
  return value === "" ? null : Number(value);
}

function AreaForm({ areas, onAdded }: { areas: readonly AreaDto[]; onAdded: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState<number | null>(null);
  const [antiPassback, setAntiPassback] = useState(false);
  const [twoPersonRule, setTwoPersonRule] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    const missing =
      trimmed === "" ? [{ id: "area-name", label: t("areas.name"), message: t("form.missing") }] : [];
    setProblems(missing);
    if (missing.length > 0) return;
    const ok = await action.run(async () => {
      const area = await createArea({ name: trimmed, parentId, antiPassback, twoPersonRule });
      return t("areas.added", { name: area.name });
    });
    if (ok) {
      setName("");
      onAdded();
    }
  }

  return (
    <section className="panel" aria-labelledby="area-form-heading">
      <h2 id="area-form-heading">{t("areas.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="area-name"
          label={t("areas.name")}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problems[0]?.message}
          required
        />
        <SelectField
          id="area-parent"
          label={t("areas.parent")}
          value={parentId === null ? "" : String(parentId)}
          onChange={(event) => setParentId(numberOrNull(event.target.value))}
        >
          <option value="">{t("form.none")}</option>
          <AreaOptions areas={areas} />
        </SelectField>
        <CheckboxField
          id="area-anti-passback"
          label={t("areas.antiPassback")}
          checked={antiPassback}
          onChange={(event) => setAntiPassback(event.target.checked)}
        />
        <CheckboxField
          id="area-two-person"
          label={t("areas.twoPersonRule")}
          checked={twoPersonRule}
          onChange={(event) => setTwoPersonRule(event.target.checked)}
        />
        <button type="submit" className="button" disabled={action.busy}>
          {t("areas.submit")}
        </button>
      </form>
    </section>
  );
}

function DoorForm({ areas, onAdded }: { areas: readonly AreaDto[]; onAdded: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [fromAreaId, setFromAreaId] = useState<number | null>(null);
  const [toAreaId, setToAreaId] = useState<number | null>(null);
  const [defaultMode, setDefaultMode] = useState<DoorMode>("locked");
  const [exitButton, setExitButton] = useState(false);
  const [heldOpenSeconds, setHeldOpenSeconds] = useState("30");
  const [unlockSeconds, setUnlockSeconds] = useState("5");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  const labels = {
    name: t("doors.name"),
    from: t("doors.from"),
    to: t("doors.to"),
    held: t("doors.heldOpenSeconds"),
    unlock: t("doors.unlockSeconds"),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    const missing: FieldProblem[] = [];
    if (trimmed === "") missing.push({ id: "door-name", label: labels.name, message: t("form.missing") });
    if (fromAreaId === null) missing.push({ id: "door-from", label: labels.from, message: t("form.choose") });
    if (toAreaId === null) missing.push({ id: "door-to", label: labels.to, message: t("form.choose") });
    else if (toAreaId === fromAreaId)
      missing.push({ id: "door-to", label: labels.to, message: t("doors.sameArea") });
    const held = Number(heldOpenSeconds);
    if (!Number.isInteger(held) || held < 5 || held > 3600)
      missing.push({ id: "door-held-open", label: labels.held, message: t("doors.heldOpenRange") });
    const unlock = Number(unlockSeconds);
    if (!Number.isInteger(unlock) || unlock < 1 || unlock > 60)
      missing.push({ id: "door-unlock", label: labels.unlock, message: t("doors.unlockRange") });
    setProblems(missing);
    if (missing.length > 0 || fromAreaId === null || toAreaId === null) return;
    const ok = await action.run(async () => {
      const door = await createDoor({
        name: trimmed,
        fromAreaId,
        toAreaId,
        defaultMode,
        modes: [],
        exitButton,
        heldOpenSeconds: held,
        unlockSeconds: unlock,
      });
      return t("doors.added", { name: door.name });
    });
    if (ok) {
      setName("");
      onAdded();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="door-form-heading">
      <h2 id="door-form-heading">{t("doors.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="door-name"
          label={labels.name}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problemFor("door-name")}
          required
        />
        <SelectField
          id="door-from"
          label={labels.from}
          value={fromAreaId === null ? "" : String(fromAreaId)}
          onChange={(event) => setFromAreaId(numberOrNull(event.target.value))}
          error={problemFor("door-from")}
          required
        >
          <option value="">{t("form.choose")}</option>
          <AreaOptions areas={areas} />
        </SelectField>
        <SelectField
          id="door-to"
          label={labels.to}
          value={toAreaId === null ? "" : String(toAreaId)}
          onChange={(event) => setToAreaId(numberOrNull(event.target.value))}
          error={problemFor("door-to")}
          required
        >
          <option value="">{t("form.choose")}</option>
          <AreaOptions areas={areas} />
        </SelectField>
        <SelectField
          id="door-mode"
          label={t("doors.defaultMode")}
          value={defaultMode}
          onChange={(event) => {
            if (isDoorMode(event.target.value)) setDefaultMode(event.target.value);
          }}
        >
          {doorModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(doorModeKey(mode))}
            </option>
          ))}
        </SelectField>
        <TextField
          id="door-held-open"
          label={labels.held}
          hint={t("doors.heldOpenHint")}
          type="number"
          inputMode="numeric"
          min={5}
          max={3600}
          value={heldOpenSeconds}
          onChange={(event) => setHeldOpenSeconds(event.target.value)}
          error={problemFor("door-held-open")}
        />
        <TextField
          id="door-unlock"
          label={labels.unlock}
          hint={t("doors.unlockHint")}
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          value={unlockSeconds}
          onChange={(event) => setUnlockSeconds(event.target.value)}
          error={problemFor("door-unlock")}
        />
        <CheckboxField
          id="door-exit-button"
          label={t("doors.exitButton")}
          checked={exitButton}
          onChange={(event) => setExitButton(event.target.checked)}
        />
        <button type="submit" className="button" disabled={action.busy}>
          {t("doors.submit")}
        </button>
      </form>
    </section>
  );
}

function ReaderForm({ doors, onAdded }: { doors: readonly DoorDto[]; onAdded: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<ReaderKind>("door");
  const [doorId, setDoorId] = useState<number | null>(null);
  const [side, setSide] = useState<ReaderSide>("entry");
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    const missing: FieldProblem[] = [];
    if (trimmed === "")
      missing.push({ id: "reader-name", label: t("readers.name"), message: t("form.missing") });
    if (kind === "door" && doorId === null)
      missing.push({ id: "reader-door", label: t("readers.door"), message: t("form.choose") });
    setProblems(missing);
    if (missing.length > 0) return;
    const ok = await action.run(async () => {
      const reader = await createReader(
        kind === "door"
          ? { name: trimmed, kind, doorId, side }
          : { name: trimmed, kind, doorId: null, side: null },
      );
      return t("readers.added", { name: reader.name });
    });
    if (ok) {
      setName("");
      onAdded();
    }
  }

  const problemFor = (id: string) => problems.find((problem) => problem.id === id)?.message;

  return (
    <section className="panel" aria-labelledby="reader-form-heading">
      <h2 id="reader-form-heading">{t("readers.addHeading")}</h2>
      <ErrorSummary error={action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="reader-name"
          label={t("readers.name")}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problemFor("reader-name")}
          required
        />
        <SelectField
          id="reader-kind"
          label={t("readers.kind")}
          value={kind}
          onChange={(event) => {
            if (isReaderKind(event.target.value)) setKind(event.target.value);
          }}
        >
          {readerKinds.map((value) => (
            <option key={value} value={value}>
              {t(readerKindKey(value))}
            </option>
          ))}
        </SelectField>
        {kind === "door" ? (
          <>
            <SelectField
              id="reader-door"
              label={t("readers.door")}
              value={doorId === null ? "" : String(doorId)}
              onChange={(event) => setDoorId(numberOrNull(event.target.value))}
              error={problemFor("reader-door")}
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
              id="reader-side"
              label={t("readers.side")}
              value={side}
              onChange={(event) => {
                if (isReaderSide(event.target.value)) setSide(event.target.value);
              }}
            >
              {readerSides.map((value) => (
                <option key={value} value={value}>
                  {t(readerSideKey(value))}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
        <button type="submit" className="button" disabled={action.busy}>
          {t("readers.submit")}
        </button>
      </form>
    </section>
  );
}
