import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { registerChainHeadLog } from "./audit/log-chain-heads";
import { systemClock } from "./clock";
import { type Config, sqlitePathOf } from "./config";
import { openStore } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { prepareDemoReaders } from "./demo/demo-readers";
import { seedDemoTownIfEmpty } from "./demo/seed-demo-town";
import { buildApp } from "./http/app";
import { registerNotificationJobs } from "./notifications/notification-jobs";

const defaultWebDir = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../web/dist");

/** The composition root: config → database → migrations → (demo) → HTTP server. */
export async function startServer(config: Config): Promise<{ url: string; close(): Promise<void> }> {
  const store = openStore({ url: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
  await migrateToLatest(store.db);
  const deps = { db: store.db, dialect: store.dialect, clock: systemClock, config };
  const demo = config.demo ? await seedDemoTownIfEmpty(deps) : undefined;
  if (demo) printDemoAccounts(demo.accounts);
  const demoReaders = config.demo ? await prepareDemoReaders(deps) : null;
  const app = await buildApp(demoReaders?.deps ?? deps, {
    logger: { level: config.logLevel },
    webDir: config.webDir ?? defaultWebDir,
    ...(demoReaders ? { demoPanel: demoReaders.panel } : {}),
  });
  if (demo) app.log.info({ accounts: demo.accounts.map((a) => a.loginId) }, "demo town office created");
  registerNotificationJobs(app, deps);
  registerChainHeadLog(app, deps);
  const url = await app.listen({ port: config.port, host: config.host });
  if (demoReaders) {
    await demoReaders.start(url);
    app.log.info("demo readers running: open 仮想扉パネル / the virtual door panel in the web app");
  }
  return {
    url,
    close: async () => {
      await demoReaders?.close();
      await app.close();
      await store.close();
    },
  };
}

function printDemoAccounts(
  accounts: { loginId: string; password: string; roles: string[]; name: string }[],
): void {
  const lines = accounts.map(
    (a) => `  ${a.loginId.padEnd(8)} ${a.password.padEnd(16)} ${a.roles.join(",").padEnd(22)} ${a.name}`,
  );
  process.stdout.write(
    `\nデモ用アカウント / Demo accounts (職員番号 / staff number, パスワード / password, roles):\n${lines.join("\n")}\n\n`,
  );
}
