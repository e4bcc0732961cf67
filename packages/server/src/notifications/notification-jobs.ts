import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { type RepeatingJob, repeat } from "../cluster/repeat";
import { isMailConfigured } from "../config";
import type { Deps } from "../deps";
import { type DigestOutcome, digestDateAt, runMorningDigest } from "./run-morning-digest";
import { sendDueMails } from "./send-due-mails";
import { createSmtpTransport, describeSmtpServer, redactSmtpSecret } from "./smtp-transport";

const mailEveryMs = 15_000;
const digestCheckEveryMs = 60_000;

/**
 * Starts the notification work that runs beside the server — the e-mail sender (when SMTP is set up)
 * and the morning digest — and stops it when the server closes.
 */
export function registerNotificationJobs(app: FastifyInstance, deps: Deps): void {
  const log: FastifyBaseLogger = app.log.child({ category: "notifications" });
  const jobs: RepeatingJob[] = [];

  let digestDoneFor: string | null = null;
  jobs.push(
    repeat(digestCheckEveryMs, async () => {
      if (digestDoneFor === digestDateAt(deps.clock.now())) return;
      let outcome: DigestOutcome;
      try {
        outcome = await runMorningDigest(deps);
      } catch (error) {
        digestDoneFor = digestDateAt(deps.clock.now());
        log.error({ err: error }, "the morning digest failed");
        return;
      }
      if (!outcome.ran && outcome.reason === "notYet") return;
      digestDoneFor = outcome.date;
      if (outcome.ran) log.info({ date: outcome.date, notified: outcome.notified }, "morning digest sent");
    }),
  );

  if (isMailConfigured(deps.config)) {
    const { smtpUrl } = deps.config;
    const transport = createSmtpTransport(smtpUrl);
    log.info({ smtp: describeSmtpServer(smtpUrl) }, "notification e-mail is on");
    jobs.push(
      repeat(mailEveryMs, async () => {
        try {
          await sendDueMails(deps, transport, log);
        } catch (error) {
          log.error({ err: redactedError(error, smtpUrl) }, "sending e-mail failed");
        }
      }),
    );
    jobs.push({ stop: async () => transport.close() });
  }

  app.addHook("onClose", async () => {
    for (const job of jobs) await job.stop();
  });
}

function redactedError(error: unknown, smtpUrl: string): { message: string } {
  return { message: redactSmtpSecret(error instanceof Error ? error.message : String(error), smtpUrl) };
}
