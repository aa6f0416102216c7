// The Transport port: how a finished mail (digest, confirmation) leaves. SMTP (send.ts, the only file that
// imports nodemailer), IMAP APPEND into the user's inbox, and JSON lines in a file for tests and dry runs.
import { appendFile } from 'node:fs/promises';
import type { SmtpConfig } from '../config.js';
import type { MailSource } from '../source/port.js';
import { composeRaw, type OutgoingMail, sendSmtp } from './send.js';

export interface Transport {
  /** "smtp", "imap", "json-lines": for logs. */
  readonly name: string;
  deliver(mail: OutgoingMail): Promise<void>;
}

export function smtpTransport(smtp: SmtpConfig, password: () => Promise<string | null>): Transport {
  return { name: 'smtp', deliver: async (mail) => sendSmtp(mail, smtp, await password()) };
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

/** One JSON object per mail, appended to `path` (0600): what a test reads, and what --dry-run shows. */
export function jsonLinesTransport(path: string): Transport {
  return {
    name: 'json-lines',
    deliver: (mail) => appendFile(path, `${JSON.stringify({ ...mail, date: mail.date.toISOString() })}\n`, { mode: 0o600 }),
  };
}
