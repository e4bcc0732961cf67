// `npm start`: builds the web app, then serves Tobira with a demo town office on the embedded SQLite.
import { spawn, spawnSync } from "node:child_process";

const build = spawnSync("npm", ["run", "build", "--silent", "-w", "@tobira/web"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  process.execPath,
  ["packages/server/bin/tobira.mjs", "serve", "--demo", ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
