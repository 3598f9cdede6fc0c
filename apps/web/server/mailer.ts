import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** True when mail really leaves (SMTP_URL is set); otherwise messages go to the server log. */
  readonly sends: boolean;
  send(message: MailMessage): Promise<void>;
}

/**
 * Sends account mail (password resets, invitations) over `SMTP_URL` with nodemailer. Without it,
 * each message, link included, is written to the server log at `warn`, so a local install still
 * lets someone reset a password.
 */
export function createMailer(options: { smtpUrl?: string; from?: string; log: Logger }): Mailer {
  const { smtpUrl, log } = options;
  const from = options.from ?? 'Heard <heard@localhost>';
  if (!smtpUrl) {
    return {
      sends: false,
      async send(message) {
        log.warn(
          { to: message.to, subject: message.subject },
          `email not sent (no SMTP_URL):\n${message.text}`,
        );
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    sends: true,
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
