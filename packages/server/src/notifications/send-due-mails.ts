import type { FastifyBaseLogger } from "fastify";
import type { Deps } from "../deps";
import { type BackoffPolicy, retryDelayMs } from "../integration/webhook-backoff";
import {
  claimMail,
  listDueMails,
  recordMailFailure,
  recordMailSent,
  recordMailSkipped,
} from "./mail-outbox-repository";
import { type MailTransport, redactSmtpSecret } from "./smtp-transport";

export interface MailSenderOptions {
  /** Mails taken per round. */
  batchSize: number;
  /** After this many failed attempts a mail is given up on (state failed). */
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** How long a taken mail stays this sender's before another server may try it. */
  leaseMs: number;
  random: () => number;
}

export const defaultMailSenderOptions: MailSenderOptions = {
  batchSize: 20,
  maxAttempts: 8,
  backoff: { baseMs: 60_000, capMs: 6 * 3_600_000 },
  leaseMs: 5 * 60_000,
  random: Math.random,
};

export interface MailRound {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

/**
 * One round of the sender: every due mail goes to its recipient's address; one without an address is
 * skipped; a failure is retried with growing waits until `maxAttempts`.
 */
export async function sendDueMails(
  { db, clock, config }: Pick<Deps, "db" | "clock" | "config">,
  transport: MailTransport,
  log: Pick<FastifyBaseLogger, "warn" | "error">,
  options: MailSenderOptions = defaultMailSenderOptions,
): Promise<MailRound> {
  const round: MailRound = { sent: 0, skipped: 0, retried: 0, failed: 0 };
  const { smtpUrl, mailFrom } = config;
  if (smtpUrl === undefined || mailFrom === undefined) return round;
  const due = await listDueMails(db, clock.now(), options.batchSize);
  for (const mail of due) {
    const now = clock.now();
    if (!(await claimMail(db, mail, new Date(now.getTime() + options.leaseMs)))) continue;
    if (mail.email === null || mail.email.trim() === "") {
      await recordMailSkipped(db, mail.id, "the staff member has no e-mail address");
      round.skipped += 1;
      continue;
    }
    const attempts = mail.attempts + 1;
    try {
      await transport.send({ from: mailFrom, to: mail.email, subject: mail.subject, text: mail.body });
      await recordMailSent(db, mail.id, attempts, clock.now());
      round.sent += 1;
    } catch (error) {
      const message = redactSmtpSecret(error instanceof Error ? error.message : String(error), smtpUrl);
      const giveUp = attempts >= options.maxAttempts;
      const retryAt = giveUp
        ? null
        : new Date(clock.now().getTime() + retryDelayMs(attempts, options.backoff, options.random()));
      await recordMailFailure(db, mail.id, { attempts, error: message, retryAt });
      if (giveUp) {
        round.failed += 1;
        log.error({ mailId: mail.id, attempts, error: message }, "an e-mail could not be sent; given up");
      } else {
        round.retried += 1;
        log.warn({ mailId: mail.id, attempts, error: message }, "an e-mail could not be sent; will retry");
      }
    }
  }
  return round;
}
