import type { AgentCommandKind, AgentRole, AgentStatus, DoorState } from "@tobira/protocol";
import type { Translate } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";

// Each template below only type-checks while both dictionaries hold a key for every value.

export function agentRoleKey(role: AgentRole): MessageKey {
  return `agentRole.${role}`;
}

export function agentStatusKey(status: AgentStatus): MessageKey {
  return `agentStatus.${status}`;
}

export function agentCommandKey(command: AgentCommandKind): MessageKey {
  return `agentCommand.${command}`;
}

/** "施錠・閉", "解錠・開" or "封鎖・施錠・閉": what a door is doing now, in words. */
export function formatDoorState(state: DoorState | null, t: Translate): string {
  if (state === null) return t("doorState.unknown");
  const parts = [t(`doorState.${state.lock}`), t(`doorState.${state.contact}`)];
  return (state.lockdown ? [t("doorState.lockdown"), ...parts] : parts).join(t("doorState.separator"));
}

/** Signed seconds with one decimal: "+1.2", "-0.4", "0.0". */
export function formatSkewSeconds(skewMs: number): string {
  const seconds = (skewMs / 1000).toFixed(1);
  return skewMs > 0 ? `+${seconds}` : seconds;
}
