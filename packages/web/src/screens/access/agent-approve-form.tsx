import type { AgentDto, ReaderDto } from "@tobira/protocol";
import { type FormEvent, useEffect, useState } from "react";
import { approveAgent } from "../../api/agents";
import { SelectField } from "../../components/form-fields";
import { useI18n } from "../../i18n/i18n";
import type { Action } from "../../lib/use-action";
import { agentRoleKey } from "./agent-labels";

interface ApproveFormProps {
  agent: AgentDto;
  readers: readonly ReaderDto[];
  action: Action;
  onDone: () => void;
  onCancel: () => void;
}

/** 承認: the reader this agent will serve, after the administrator has compared the fingerprint. */
export function AgentApproveForm({ agent, readers, action, onDone, onCancel }: ApproveFormProps) {
  const { t } = useI18n();
  const [readerId, setReaderId] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const matching = readers.filter((reader) => reader.kind === agent.role);
  const role = t(agentRoleKey(agent.role));
  const selectId = `agent-${agent.id}-reader`;
  const headingId = `agent-${agent.id}-approve-heading`;

  // The form opens on the administrator's own click; focus follows it there.
  useEffect(() => {
    document.getElementById(selectId)?.focus();
  }, [selectId]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = Number(readerId);
    if (readerId === "" || !Number.isSafeInteger(id)) {
      setProblem(t("agents.chooseReader"));
      return;
    }
    setProblem(undefined);
    const ok = await action.run(async () => {
      await approveAgent(agent.id, id);
      return t("agents.approved", { name: agent.name });
    });
    if (ok) onDone();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("agents.approveHeading", { name: agent.name, role })}</h3>
      <div className="notice">
        <p>{t("agents.fingerprintReminder")}</p>
        <p>
          <code className="fingerprint fingerprint--large">{agent.fingerprint}</code>
        </p>
      </div>
      {matching.length === 0 ? (
        <p className="empty">{t("agents.approveNoReaders", { role })}</p>
      ) : (
        <SelectField
          id={selectId}
          label={t("agents.approveReader")}
          hint={t("agents.approveReaderHint", { role })}
          value={readerId}
          onChange={(event) => setReaderId(event.target.value)}
          error={problem}
          required
        >
          <option value="">{t("form.choose")}</option>
          {matching.map((reader) => (
            <option key={reader.id} value={reader.id}>
              {reader.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={action.busy || matching.length === 0}>
          {t("agents.approveSubmit")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
