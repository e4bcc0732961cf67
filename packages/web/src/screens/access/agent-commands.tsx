import type { AgentCommandKind, AgentDto } from "@tobira/protocol";
import { sendAgentCommand } from "../../api/agents";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/i18n";
import type { Action } from "../../lib/use-action";
import { agentCommandKey } from "./agent-labels";

const commands: readonly AgentCommandKind[] = ["momentary_unlock", "lockdown", "release_lockdown"];

/** 一時解錠 / 封鎖 / 封鎖解除 for a connected door agent; the answer, or the refusal, is announced. */
export function AgentCommands({ agent, action }: { agent: AgentDto; action: Action }) {
  const { t } = useI18n();

  async function send(command: AgentCommandKind) {
    const params = { name: agent.name, command: t(agentCommandKey(command)) };
    await action.run(async () => {
      try {
        const result = await sendAgentCommand(agent.id, { command });
        return t(result.ok ? "agents.commandDone" : "agents.commandRefused", {
          ...params,
          message: result.message,
        });
      } catch (error) {
        // 409: the agent is not connected now, and commands are never queued for later.
        if (error instanceof ApiError && error.status === 409) return t("agents.commandNotConnected", params);
        throw error;
      }
    });
  }

  return (
    <div className="button-row">
      {commands.map((command) => (
        <button
          key={command}
          type="button"
          className={command === "lockdown" ? "button button--danger" : "button button--secondary"}
          aria-label={t("agents.commandLabel", { command: t(agentCommandKey(command)), name: agent.name })}
          disabled={action.busy}
          onClick={() => void send(command)}
        >
          {t(agentCommandKey(command))}
        </button>
      ))}
    </div>
  );
}
