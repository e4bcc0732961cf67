import { can, type WorkPatternDto } from "@tobira/protocol";
import { useState } from "react";
import { deleteWorkPattern, listWorkPatterns } from "../../api/attendance-rules";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { type Translate, useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AttendanceBreadcrumb } from "./attendance-breadcrumb";
import { weekdayOrder } from "./pattern-days";
import { PatternForm } from "./pattern-form";
import { formatDuration } from "./work-time";

type Editing = { kind: "none" } | { kind: "new" } | { kind: "edit"; pattern: WorkPatternDto };

/** 勤務パターン: the weeks staff are scheduled to work, with their weekly hours. */
export function PatternsScreen() {
  const { t } = useI18n();
  const user = useUser();
  const manage = can(user, "attendanceRules.manage");
  const patterns = useQuery("attendance-patterns", (signal) => listWorkPatterns(signal));
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const removal = useAction();
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const items = patterns.data;

  async function remove(pattern: WorkPatternDto) {
    setSavedMessage(null);
    if (!window.confirm(t("patterns.confirmDelete", { name: pattern.name }))) return;
    const ok = await removal.run(async () => {
      await deleteWorkPattern(pattern.id);
      return t("patterns.deleted", { name: pattern.name });
    });
    if (ok) patterns.reload();
  }

  function saved(_pattern: WorkPatternDto, message: string) {
    setSavedMessage(message);
    setEditing({ kind: "none" });
    patterns.reload();
  }

  return (
    <>
      <AttendanceBreadcrumb />
      <PageHeading title={t("attendance.patterns")} />
      <p className="lead">{t("patterns.intro")}</p>
      <ErrorSummary error={patterns.error ?? removal.error} />
      <StatusMessage>{removal.message ?? savedMessage}</StatusMessage>
      {patterns.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("patterns.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("patterns.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("patterns.name")}</th>
                <th scope="col">{t("patterns.weekly")}</th>
                <th scope="col">{t("patterns.days")}</th>
                {manage ? <th scope="col">{t("rules.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((pattern) => (
                <tr key={pattern.id}>
                  <th scope="row">{pattern.name}</th>
                  <td>{formatDuration(pattern.weeklyMinutes)}</td>
                  <td>{describeDays(pattern, t)}</td>
                  {manage ? (
                    <td className="rule-versions__actions">
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => {
                          removal.clear();
                          setEditing({ kind: "edit", pattern });
                        }}
                      >
                        {t("patterns.edit", { name: pattern.name })}
                      </button>
                      <button
                        type="button"
                        className="button button--danger"
                        disabled={removal.busy}
                        onClick={() => void remove(pattern)}
                      >
                        {t("patterns.delete", { name: pattern.name })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {manage && editing.kind === "none" ? (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setEditing({ kind: "new" })}>
            {t("patterns.new")}
          </button>
        </div>
      ) : null}
      {editing.kind === "new" ? (
        <PatternForm key="new" pattern={null} onSaved={saved} onCancel={() => setEditing({ kind: "none" })} />
      ) : null}
      {editing.kind === "edit" ? (
        <PatternForm
          key={`edit-${editing.pattern.id}`}
          pattern={editing.pattern}
          onSaved={saved}
          onCancel={() => setEditing({ kind: "none" })}
        />
      ) : null}
    </>
  );
}

/** "月 08:30–17:15（休憩 12:00–13:00）" per working day; days left out are 週休日. */
function describeDays(pattern: WorkPatternDto, t: Translate) {
  const lines = weekdayOrder.flatMap((key) => {
    const day = pattern.days[key];
    if (day === undefined) return [];
    const breaks = day.breaks.map((part) => `${part.start}–${part.end}`).join(", ");
    const text = `${t(`weekday.short.${key}`)} ${day.start}–${day.end}`;
    return [breaks === "" ? text : `${text}${t("patterns.breaksInline", { breaks })}`];
  });
  if (lines.length === 0) return t("patterns.noDays");
  return (
    <ul className="plain-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
