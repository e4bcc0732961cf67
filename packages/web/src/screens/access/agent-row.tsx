import type { AgentDto, DoorStateEntry } from "@tobira/protocol";
import type { ReactNode } from "react";
import { formatInstant } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";
import { agentRoleKey, agentStatusKey, formatDoorState, formatSkewSeconds } from "./agent-labels";

interface AgentRowProps {
  agent: AgentDto;
  clockSkewLimitMs: number;
  doorState: DoorStateEntry | null;
  actions: ReactNode;
}

/** One agent: who it is, whether it is trusted and connected, and whether its policy and clock are right. */
export function AgentRow({ agent, clockSkewLimitMs, doorState, actions }: AgentRowProps) {
  const { t, language } = useI18n();
  const skewAlarm =
    agent.clockSkewAlarm || (agent.clockSkewMs !== null && Math.abs(agent.clockSkewMs) > clockSkewLimitMs);
  return (
    <tr className={agent.status === "revoked" ? "agent-table__row--revoked" : undefined}>
      <th scope="row">{agent.name}</th>
      <td className="nowrap">{t(agentRoleKey(agent.role))}</td>
      <td>
        <span className={`agent-status agent-status--${agent.status}`}>
          {t(agentStatusKey(agent.status))}
        </span>
        {agent.decidedBy !== null && agent.decidedAt !== null ? (
          <span className="agent-table__note">
            {t("agents.decidedBy", { by: agent.decidedBy, time: formatInstant(agent.decidedAt, language) })}
          </span>
        ) : null}
      </td>
      <td>
        <code className="fingerprint">{agent.fingerprint}</code>
      </td>
      <td>{agent.readerName ?? "—"}</td>
      <td>
        <span className={agent.connected ? "connection connection--on" : "connection connection--off"}>
          {t(agent.connected ? "agents.connected" : "agents.disconnected")}
        </span>
        <span className="agent-table__note">
          {agent.lastSeenAt === null
            ? t("agents.neverSeen")
            : t("agents.lastSeen", { time: formatInstant(agent.lastSeenAt, language) })}
        </span>
      </td>
      <td>{agent.softwareVersion ?? "—"}</td>
      <td className="nowrap">{formatPolicy(agent, t)}</td>
      <td className={skewAlarm ? "nowrap skew skew--alarm" : "nowrap skew"}>
        {agent.clockSkewMs === null
          ? "—"
          : t("agents.skewSeconds", { seconds: formatSkewSeconds(agent.clockSkewMs) })}
        {skewAlarm ? (
          <span className="agent-table__note">
            {t("agents.skewAlarm", { limit: formatSkewSeconds(clockSkewLimitMs).replace(/^\+/, "") })}
          </span>
        ) : null}
      </td>
      <td className="nowrap">
        {agent.role === "door" && agent.status === "approved"
          ? formatDoorState(doorState?.state ?? null, t)
          : "—"}
      </td>
      {actions === null ? null : <td>{actions}</td>}
    </tr>
  );
}

function formatPolicy(agent: AgentDto, t: Translate): string {
  const current = agent.currentSnapshotVersion;
  if (agent.snapshotVersion === null) return t("agents.policyNone", { current });
  if (agent.snapshotVersion >= current) return t("agents.policyCurrent", { version: agent.snapshotVersion });
  return t("agents.policyStale", { version: agent.snapshotVersion, current });
}
