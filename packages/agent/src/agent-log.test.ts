import { describe, expect, it } from "vitest";
import { createAgentLog } from "./agent-log";

function captureLog(level: "info" | "warn" | "silent") {
  const lines: string[] = [];
  const log = createAgentLog({
    level,
    write: (line) => lines.push(line),
    now: () => new Date("2026-09-22T00:00:00Z"),
  });
  return { log, read: () => lines.map((line): unknown => JSON.parse(line)) };
}

describe("createAgentLog", () => {
  it("writes one pino-shaped JSON line per entry", () => {
    const { log, read } = captureLog("info");
    log.warn({ category: "agent", attempt: 3 }, "reconnecting");

    expect(read()).toEqual([
      { level: 40, time: "2026-09-22T00:00:00.000Z", category: "agent", attempt: 3, msg: "reconnecting" },
    ]);
  });

  it("drops entries below the configured level and everything when silent", () => {
    const warnOnly = captureLog("warn");
    warnOnly.log.info({}, "hidden");
    warnOnly.log.error({}, "shown");
    expect(warnOnly.read()).toHaveLength(1);

    const silent = captureLog("silent");
    silent.log.error({}, "hidden");
    expect(silent.read()).toHaveLength(0);
  });

  it("never writes a PIN, private key or certificate given as a field, even nested", () => {
    const { log, read } = captureLog("info");
    log.info({ pin: "1234", card: { certificate: "MIIB...", privateKey: "secret" } }, "tap");

    const text = JSON.stringify(read());
    expect(text).not.toContain("1234");
    expect(text).not.toContain("MIIB");
    expect(text).not.toContain('secret"');
    expect(read()).toEqual([
      expect.objectContaining({
        pin: "[redacted]",
        card: { certificate: "[redacted]", privateKey: "[redacted]" },
      }),
    ]);
  });

  it("writes an error as its type and message", () => {
    const { log, read } = captureLog("info");
    log.error({ err: new RangeError("out of range") }, "failed");

    expect(read()).toEqual([
      expect.objectContaining({ err: { type: "RangeError", message: "out of range" } }),
    ]);
  });
});
