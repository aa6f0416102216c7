// The digest shell: compose from the store, record it, then deliver by SMTP or IMAP APPEND. At most one digest
// a day: the row is written before sending and marked sent after, so a restart mid-send never sends twice
// (a row left unsent by a crash counts as attempted: missing one digest beats sending two).
import { randomBytes } from 'node:crypto';
import { type App, openUserImap, serverPassword, type StoreApp } from '../app.js';
import {
  createDigest,
  digestForDay,
  getOrCreateSecret,
  lastDigest,
  listItems,
  markDigestSent,
  setDigestIdentity,
  type StoredDigest,
} from '../store/index.js';
import { localDay } from '../track/business-days.js';
import type { Digest } from '../types.js';
import { errorMessage } from '../errors.js';
import { composeDigest, digestEntries } from './compose.js';
import { escapeHtml } from './escape.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import { composeRaw, type OutgoingMail, sendSmtp } from './send.js';
import { digestMessageId, digestToken } from './token.js';

/** The domain our Message-IDs carry: the digest recipient's. */
const mailDomain = (app: App): string => app.config.digest.to.split('@')[1] ?? 'followthru.local';

/** Composes today's digest from the store (null on a quiet day). */
export async function composeFromStore(app: Pick<StoreApp, 'store' | 'config'>, now: Date, quiet = app.config.digest.quiet): Promise<Digest | null> {
  const items = await listItems(app.store);
  const previous = await lastDigest(app.store, { sentOnly: true });
  return composeDigest(items, {
    now,
    timeZone: app.config.digest.timezone,
    holidays: app.config.holidays,
    lastDigestAt: previous?.sentAt ?? null,
    maxItems: app.config.digest.maxItems,
    quiet,
    cadence: app.config.followUp,
    backfillDays: app.config.backfillDays,
    templates: app.config.followUp.templates,
  });
}

function outgoing(app: App, digest: Digest, stored: StoredDigest, now: Date): OutgoingMail {
  const me = app.config.me[0] ?? app.config.digest.to;
  return {
    from: `followthru <${me}>`,
    to: app.config.digest.to,
    subject: digest.subject,
    text: renderText(digest),
    html: renderHtml(digest),
    messageId: `<${stored.messageId}>`,
    headers: { 'X-Followthru-Digest': stored.token, 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    date: now,
  };
}

export type DigestOutcome = 'sent' | 'quiet' | 'already-sent' | 'attempted-earlier';

export async function sendDigest(app: App, now: Date): Promise<DigestOutcome> {
  const forDay = localDay(now, app.config.digest.timezone);
  const existing = await digestForDay(app.store, forDay);
  if (existing?.sentAt) return 'already-sent';
  if (existing) {
    app.log.warn({ digest: existing.id, forDay }, 'a digest for today was started but not confirmed sent (crash mid-send?): not sending again');
    return 'attempted-earlier';
  }
  const digest = await composeFromStore(app, now);
  if (!digest) {
    app.log.info({ forDay }, 'nothing due, overdue or newly kept: no digest today');
    return 'quiet';
  }
  const domain = mailDomain(app);
  const stored = await app.store.transaction(async (tx) => {
    const secret = await getOrCreateSecret(tx);
    const placeholder = randomBytes(12).toString('hex');
    const row = await createDigest(tx, {
      token: placeholder,
      messageId: placeholder,
      forDay,
      entries: digestEntries(digest),
      itemCount: digest.sections.reduce((n, s) => n + s.lines.length, 0) + digest.more,
    }, now);
    const token = digestToken(secret, row.id);
    const messageId = digestMessageId(token, domain);
    await setDigestIdentity(tx, row.id, token, messageId);
    return { ...row, token, messageId };
  });
  await deliver(app, outgoing(app, digest, stored, now));
  await markDigestSent(app.store, stored.id, now);
  app.log.info({ digest: stored.id, to: app.config.digest.to, via: app.config.digest.deliver }, 'digest sent');
  return 'sent';
}

/** By IMAP APPEND into the inbox folder, or by SMTP: as the config says. */
async function deliver(app: App, mail: OutgoingMail): Promise<void> {
  if (app.config.digest.deliver === 'imap') {
    const session = await openUserImap(app);
    try {
      await session.append(app.config.imap.inboxFolder, await composeRaw(mail), []);
    } finally {
      await session.close();
    }
  } else if (app.config.smtp) {
    const password = app.config.smtp.user ? await serverPassword(app.config, 'smtp') : null;
    await sendSmtp(mail, app.config.smtp, password);
  }
}

/**
 * Sends the confirmations of replies that the last sync committed. At most once: one that fails is logged and
 * dropped, never retried into a double (the changes themselves are already stored).
 */
export async function sendOutbox(app: App, now: Date): Promise<number> {
  const pending = app.outbox.splice(0);
  const me = app.config.me[0] ?? app.config.digest.to;
  const domain = mailDomain(app);
  let sent = 0;
  for (const c of pending) {
    const mail: OutgoingMail = {
      from: `followthru <${me}>`,
      to: app.config.digest.to,
      subject: c.subject,
      text: c.text,
      html: `<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(c.text)}</pre>`,
      messageId: `<followthru-confirm.${randomBytes(8).toString('hex')}@${domain}>`,
      inReplyTo: c.inReplyTo ? `<${c.inReplyTo}>` : undefined,
      headers: { 'X-Followthru-Digest': 'confirmation', 'Auto-Submitted': 'auto-replied' },
      date: now,
    };
    try {
      await deliver(app, mail);
      sent++;
    } catch (error) {
      app.log.warn({ reason: errorMessage(error) }, 'could not send the confirmation of your reply (the changes are saved)');
    }
  }
  return sent;
}
