import { parseArgs } from "node:util";
import { AgentConfigError, loadAgentConfig } from "./config";
import { GpioToolMissingError } from "./door/gpio-tools";
import { AgentKeyError, loadOrCreateAgentKey } from "./identity/agent-key";
import { PinEntryConfigError } from "./pin/create-pin-entry";
import { AgentStartError, type StartAgentOptions, startAgent } from "./start-agent";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves with the signal's name when the agent should stop. */
  waitForStop(): Promise<string>;
  /** Parts the caller brings instead of the configured ones (tests). */
  startOptions?: StartAgentOptions;
}

const usage = `使い方 / usage:
  tobira-agent --config FILE                  run the reader agent until SIGINT / SIGTERM
  tobira-agent --config FILE --print-fingerprint
                                              print this agent's key fingerprint (made on first use) and exit`;

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  waitForStop: waitForSignal,
};

type ParsedArgs =
  | { ok: true; config: string; printFingerprint: boolean; help: boolean }
  | { ok: false; message: string };

function parseCliArgs(argv: string[]): ParsedArgs {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        config: { type: "string", short: "c" },
        "print-fingerprint": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help === true) return { ok: true, config: "", printFingerprint: false, help: true };
    if (values.config === undefined) return { ok: false, message: "--config FILE is required" };
    return {
      ok: true,
      config: values.config,
      printFingerprint: values["print-fingerprint"] === true,
      help: false,
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function isSetupError(error: unknown): error is Error {
  return (
    error instanceof AgentConfigError ||
    error instanceof AgentKeyError ||
    error instanceof AgentStartError ||
    error instanceof GpioToolMissingError ||
    error instanceof PinEntryConfigError
  );
}

/** `tobira-agent`: exit 0 after a clean stop, 2 for a wrong command line or configuration, 1 otherwise. */
export async function runAgentCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const args = parseCliArgs(argv);
  if (!args.ok) {
    io.err(`tobira-agent: ${args.message}\n${usage}`);
    return 2;
  }
  if (args.help) {
    io.out(usage);
    return 0;
  }
  try {
    const config = loadAgentConfig(args.config);
    if (args.printFingerprint) {
      io.out(loadOrCreateAgentKey(config.dataDir).fingerprint);
      return 0;
    }
    const agent = await startAgent(config, io.startOptions);
    io.err(`tobira-agent: key fingerprint ${agent.fingerprint} (compare it when approving this agent)`);
    const signal = await io.waitForStop();
    io.err(`tobira-agent: ${signal}, stopping`);
    await agent.close();
    return 0;
  } catch (error) {
    if (isSetupError(error)) {
      io.err(`tobira-agent: ${error.message}`);
      return 2;
    }
    io.err(`tobira-agent: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
