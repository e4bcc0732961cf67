import type { ServerMessage } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { createMemoryLog } from "../../test/memory-log";
import { runCommand } from "./run-command";

const now = new Date("2026-09-22T01:00:00Z");
function unlock(expiresAt: string): Extract<ServerMessage, { type: "command" }> {
  return { type: "command", commandId: "c1", command: "momentary_unlock", seconds: 5, expiresAt };
}

describe("runCommand", () => {
  it("does not run a command that arrives after its expiry and answers expired", async () => {
    let ran = false;
    const result = await runCommand(unlock("2026-09-22T00:59:59Z"), {
      clock: () => now,
      log: createMemoryLog(),
      handler: async () => {
        ran = true;
        return { ok: true, message: "unlocked" };
      },
    });
    expect(ran).toBe(false);
    expect(result).toEqual({ type: "command_result", commandId: "c1", ok: false, message: "expired" });
  });

  it("runs a live command and answers with the handler's result", async () => {
    const result = await runCommand(unlock("2026-09-22T10:00:05+09:00"), {
      clock: () => now,
      log: createMemoryLog(),
      handler: async (command) => ({ ok: true, message: `${command.command} ${command.seconds} s` }),
    });
    expect(result).toEqual({
      type: "command_result",
      commandId: "c1",
      ok: true,
      message: "momentary_unlock 5 s",
    });
  });

  it("answers a failing handler with its message, cut to 200 characters", async () => {
    const result = await runCommand(unlock("2026-09-22T01:00:05Z"), {
      clock: () => now,
      log: createMemoryLog(),
      handler: async () => {
        throw new Error("x".repeat(300));
      },
    });
    expect(result.ok).toBe(false);
    expect(result.message).toHaveLength(200);
  });

  it("answers that nothing runs commands when no role took them", async () => {
    const result = await runCommand(unlock("2026-09-22T01:00:05Z"), {
      clock: () => now,
      log: createMemoryLog(),
      handler: null,
    });
    expect(result).toMatchObject({ ok: false, message: "this agent does not run commands" });
  });
});
