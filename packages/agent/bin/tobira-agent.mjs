#!/usr/bin/env node
// Runs the TypeScript sources directly: Tobira ships as source, compiled on load.
import { register } from "tsx/esm/api";

register();
const { runAgentCli } = await import("../src/cli.ts");
process.exitCode = await runAgentCli(process.argv.slice(2));
