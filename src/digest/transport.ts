// The Transport port: how a finished mail (digest, confirmation) leaves. SMTP (send.ts, the only file that
// imports nodemailer, through app.ts userSmtp), and IMAP APPEND into the user's inbox; tests
// plug in their own (test/support/transport.ts).
import type { MailSource } from '../source/port.js';
import { composeRaw, type OutgoingMail } from './send.js';

export interface Transport {
  /** "smtp", "imap" (or a test's own): for logs. */
  readonly name: string;
  deliver(mail: OutgoingMail): Promise<void>;
}

/** `send` is the SMTP adapter with the user's login (app.ts userSmtp: password or OAuth2 token, refreshed). */
export function smtpTransport(send: (mail: OutgoingMail) => Promise<void>): Transport {
  return { name: 'smtp', deliver: send };
}

/** Files the mail into `folder` over a session opened for it and closed after. */
export function imapAppendTransport(open: () => Promise<MailSource>, folder: string): Transport {
  return {
    name: 'imap',
    async deliver(mail) {
      const session = await open();
      try {
        await session.append(folder, await composeRaw(mail), []);
      } finally {
        await session.close();
      }
    },
  };
}
