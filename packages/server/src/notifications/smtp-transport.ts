import { createTransport } from "nodemailer";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes; the SMTP one in service, a recording one in tests of the sender's bookkeeping. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * An SMTP transport for `smtp://user:pass@host:port` (STARTTLS when the server offers it) or `smtps://…`.
 * Timeouts are short so one stuck server does not hold a mail's lease for long.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  const transporter = createTransport({
    host: url.hostname,
    port: url.port === "" ? (secure ? 465 : 587) : Number(url.port),
    secure,
    ...(user === "" ? {} : { auth: { user, pass: decodeURIComponent(url.password) } }),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  return {
    async send(mail) {
      await transporter.sendMail({ ...mail, textEncoding: "base64" });
    },
    close: () => transporter.close(),
  };
}

/** The SMTP server as logs may name it: scheme, host and port, never the user or password. */
export function describeSmtpServer(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

/** An error's text with the SMTP password (and its URL-encoded form) blanked out, for logs and the outbox. */
export function redactSmtpSecret(text: string, smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const secrets = [url.password, decodeURIComponent(url.password)].filter((secret) => secret.length > 0);
  return secrets.reduce((redacted, secret) => redacted.split(secret).join("***"), text);
}
