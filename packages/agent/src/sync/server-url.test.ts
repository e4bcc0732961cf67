import { agentSocketPath } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { resolveServerUrl } from "./server-url";

describe("resolveServerUrl", () => {
  it.each([
    ["http://127.0.0.1:3000", "ws://127.0.0.1:3000/api/agent/socket"],
    ["https://tobira.town.example.lg.jp/", "wss://tobira.town.example.lg.jp/api/agent/socket"],
    ["https://town.example.lg.jp/tobira", "wss://town.example.lg.jp/tobira/api/agent/socket"],
  ])("turns %s into the socket URL %s", (server, expected) => {
    expect(resolveServerUrl(server, agentSocketPath, true).href).toBe(expected);
  });

  it("keeps http(s) for REST paths", () => {
    expect(resolveServerUrl("https://town.example.lg.jp/tobira/", "/api/agents/registrations").href).toBe(
      "https://town.example.lg.jp/tobira/api/agents/registrations",
    );
  });
});
