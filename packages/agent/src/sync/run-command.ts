import type { AgentMessage, ServerMessage } from "@tobira/protocol";
import type { Clock } from "../clock";
import type { AgentLog } from "../log";
import type { AgentCommand } from "./server-link";

export type CommandHandler = (command: AgentCommand) => Promise<{ ok: boolean; message: string }>;
type CommandMessage = Extract<ServerMessage, { type: "command" }>;
type CommandResult = Extract<AgentMessage, { type: "command_result" }>;

const maxMessageLength = 200;

export function truncateMessage(text: string): string {
  return text.length <= maxMessageLength ? text : `${text.slice(0, maxMessageLength - 1)}…`;
}

/**
 * Runs a live command and gives the result to send back. A command that arrives after its expiry (by
 * the agent's clock) is not run: commands are never replayed late.
 */
export async function runCommand(
  message: CommandMessage,
  { clock, log, handler }: { clock: Clock; log: AgentLog; handler: CommandHandler | null },
): Promise<CommandResult> {
  const result = (ok: boolean, text: string): CommandResult => ({
    type: "command_result",
    commandId: message.commandId,
    ok,
    message: truncateMessage(text),
  });
  if (clock().getTime() > Date.parse(message.expiresAt)) {
    log.warn(
      { category: "agent", command: message.command, expiresAt: message.expiresAt },
      "refused an expired command",
    );
    return result(false, "expired");
  }
  if (handler === null) return result(false, "this agent does not run commands");
  try {
    const outcome = await handler({
      commandId: message.commandId,
      command: message.command,
      seconds: message.seconds,
    });
    return result(outcome.ok, outcome.message);
  } catch (error) {
    log.error({ category: "agent", command: message.command, err: error }, "a command failed");
    return result(false, error instanceof Error ? error.message : String(error));
  }
}
