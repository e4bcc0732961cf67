import type { AgentDto } from "@tobira/protocol";
import { useEffect } from "react";
import { revokeAgent } from "../../api/agents";
import { useI18n } from "../../i18n/i18n";
import type { Action } from "../../lib/use-action";

interface RevokeConfirmProps {
  agent: AgentDto;
  action: Action;
  onDone: () => void;
  onCancel: () => void;
}

/** 失効の確認: a revoked agent is cut off at once and can never connect again with that key. */
export function AgentRevokeConfirm({ agent, action, onDone, onCancel }: RevokeConfirmProps) {
  const { t } = useI18n();
  const cancelId = `agent-${agent.id}-revoke-cancel`;

  // Focus lands on the safe choice, so a stray Enter does not revoke.
  useEffect(() => {
    document.getElementById(cancelId)?.focus();
  }, [cancelId]);

  async function confirm() {
    const ok = await action.run(async () => {
      await revokeAgent(agent.id);
      return t("agents.revoked", { name: agent.name });
    });
    if (ok) onDone();
  }

  return (
    <div className="confirm">
      <h3>{t("agents.revokeHeading", { name: agent.name })}</h3>
      <p>{t("agents.revokeWarning")}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={action.busy}
          onClick={() => void confirm()}
        >
          {t("agents.revokeSubmit")}
        </button>
        <button id={cancelId} type="button" className="button button--secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}
