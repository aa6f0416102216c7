// The digest shell: compose from the store, record it, then deliver by SMTP or IMAP APPEND. Never twice, at least
// once: the row and a 'sending' attempt are committed before the mail leaves and the row is marked sent after, so
// a sent digest is never sent again; a failed try is recorded with how to retry it (the daemon's timer does), and a
// try that never finished (kill -9 mid-send) is checked on the next go: over IMAP the inbox is searched for the
// digest's Message-ID, over SMTP it is sent again (a duplicate beats a missing digest; see the README).
import { fileDrafts } from '../draft/file.js';
import { suggestKeepInTouch } from '../people/suggest.js';
import { randomBytes } from 'node:crypto';
import { type App, openUserImap, type StoreApp, userSmtp } from '../app.js';
import {
  createDigest,
  digestForDay,
  failOutboxTry,
  finishDigestAttempt,
  getDigestMail,
  getOrCreateSecret,
  lastDigest,
  listDigestAttempts,
  listItems,
  listOutbox,
  markDigestSent,
  moveFutureDigests,
  removeFromOutbox,
  setDigestEntries,
  setDigestIdentity,
  setDigestMail,
  startDigestAttempt,
  startOutboxTry,
  type DigestKind,
  type StoredDigest,
} from '../store/index.js';
import { type BackoffOptions, backoffDelay, retryKindOf } from '../source/backoff.js';
import { localDay } from '../calendar/index.js';
import type { Digest, DigestLine, TrackedItem } from '../types.js';
import { errorMessage } from '../errors.js';
import { composeDigest, digestEntries } from './compose.js';
import { escapeHtml } from './escape.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import type { OutgoingMail } from './send.js';
import { imapAppendTransport, smtpTransport, type Transport } from './transport.js';
import { digestMessageId, digestToken, mailMark } from './token.js';

/** The domain our Message-IDs carry: the digest recipient's. */
const mailDomain = (app: App): string => app.config.digest.to.split('@')[1] ?? 'followthru.local';

/** Composes today's digest from the store (null on a quiet day). */
export async function composeFromStore(
  app: Pick<StoreApp, 'store' | 'config' | 'log'>,
  now: Date,
  quiet = app.config.digest.quiet,
): Promise<Digest | null> {
  const items = await listItems(app.store);
  // The daily digest before this one: a weekly review in between reports no kept item, so it moves nothing.
  const previous = await lastDigest(app.store, { sentOnly: true, kind: 'daily' });
  const digest = composeDigest(items, {
    now,
    timeZone: app.config.digest.timezone,
    holidays: app.config.holidays,
    lastDigestAt: previous?.sentAt ?? null,
    maxItems: app.config.digest.maxItems,
    quiet,
    cadence: app.config.followUp,
    backfillDays: app.config.backfillDays,
    templates: app.config.followUp.templates,
    onUnplaced: (item, reason) =>
      app.log.warn({ item: item.id, reason }, 'left an item out of the digest: it cannot be placed'),
  });
  return app.config.accounts.length > 1 && digest ? labelAccounts(digest, items) : digest;
}

/** With several accounts, each line says whose mailbox its item came from. Pure. */
export function labelAccounts(digest: Digest, items: readonly TrackedItem[]): Digest {
  const accountOf = new Map(items.map((item) => [item.id, item.account]));
  const label = (line: DigestLine): DigestLine => {
    const account = accountOf.get(line.itemId);
    return account === undefined ? line : { ...line, account };
  };
  return { ...digest, sections: digest.sections.map((s) => ({ ...s, lines: s.lines.map(label) })) };
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
    headers: {
      'X-Followthru-Digest': stored.token,
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
    },
    date: now,
  };
}

/** 'found-delivered': a try that never finished had in fact arrived (found in the inbox): now marked sent. */
export type DigestOutcome = 'sent' | 'quiet' | 'already-sent' | 'found-delivered';

/** How the daemon spaces the retries of a failed digest (the kinds as for IMAP reconnects, see source/backoff.ts). */
export const DIGEST_BACKOFF: Partial<BackoffOptions> = { baseMs: 30_000, maxMs: 20 * 60_000 };

/** The mail as stored for retries: JSON keeps the date as text. */
type StoredMail = Omit<OutgoingMail, 'date'> & { date: string };

const itemCountOf = (digest: Digest) => digest.sections.reduce((n, s) => n + s.lines.length, 0) + digest.more;

/**
 * One kind of digest: the morning digest, or the weekly review (review/send.ts). Both are recorded, numbered,
 * delivered and retried the same way, once per day of their kind; only how they are composed differs.
 */
export interface DigestMaker {
  kind: DigestKind;
  /** What the log lines call it. */
  label: string;
  /** Composes it from the store (null: nothing to say today). */
  compose(app: App, now: Date): Promise<Digest | null>;
}

export const DAILY_DIGEST: DigestMaker = {
  kind: 'daily',
  label: 'digest',
  compose: (app, now) => composeFromStore(app, now),
};

export async function sendDigest(app: App, now: Date, maker: DigestMaker = DAILY_DIGEST): Promise<DigestOutcome> {
  const forDay = localDay(now, app.config.digest.timezone);
  const moved = await moveFutureDigests(app.store, forDay, maker.kind);
  if (moved > 0)
    app.log.warn(
      { forDay, moved, kind: maker.kind },
      `found a ${maker.label} made for a later day (the clock was ahead): it counts as today's`,
    );
  const existing = await digestForDay(app.store, forDay, maker.kind);
  if (existing?.sentAt) return 'already-sent';
  if (existing) return sendAgain(app, existing, now, maker);
  await suggestKeepInTouch(app, now);
  const digest = await maker.compose(app, now);
  if (!digest) {
    app.log.info({ forDay, kind: maker.kind }, `nothing to report: no ${maker.label} today`);
    return 'quiet';
  }
  const domain = mailDomain(app);
  // The row, its mail and the first attempt commit together: a crash right after still leaves a try to check.
  const { stored, mail, attempt } = await app.store.transaction(async (tx) => {
    const secret = await getOrCreateSecret(tx);
    const placeholder = randomBytes(12).toString('hex');
    const row = await createDigest(
      tx,
      {
        kind: maker.kind,
        token: placeholder,
        messageId: placeholder,
        forDay,
        entries: digestEntries(digest),
        itemCount: itemCountOf(digest),
      },
      now,
    );
    const token = digestToken(secret, row.id);
    const messageId = digestMessageId(token, domain);
    await setDigestIdentity(tx, row.id, token, messageId);
    const stored = { ...row, token, messageId };
    const mail = outgoing(app, digest, stored, now);
    await setDigestMail(tx, row.id, mail);
    return { stored, mail, attempt: await startDigestAttempt(tx, row.id, now) };
  });
  await deliverAttempt(app, stored, mail, attempt, now);
  return 'sent';
}

/** Today's digest exists but was never confirmed sent: an earlier try failed, or never finished. */
async function sendAgain(app: App, stored: StoredDigest, now: Date, maker: DigestMaker): Promise<DigestOutcome> {
  const attempts = await listDigestAttempts(app.store, stored.id);
  const last = attempts.at(-1);
  // No attempt at all: a row from before attempts were recorded, left by a crash.
  const unfinished = last === undefined || last.outcome === 'sending';
  if (unfinished && (await deliveredEarlier(app, `<${stored.messageId}>`))) {
    await app.store.transaction(async (tx) => {
      await markDigestSent(tx, stored.id, now);
      const attempt = await startDigestAttempt(tx, stored.id, now);
      await finishDigestAttempt(tx, attempt, { outcome: 'found-delivered' }, now);
    });
    app.log.info(
      { digest: stored.id },
      `today's ${maker.label} was delivered before a restart: found in the inbox, not sent again`,
    );
    return 'found-delivered';
  }
  const mail = await storedMail(app, stored, now, maker);
  if (!mail) return 'quiet';
  app.log.info(
    {
      digest: stored.id,
      attempt: attempts.length + 1,
      previous: last?.outcome ?? 'none',
      reason: last?.error ?? undefined,
    },
    unfinished
      ? `the last try to send today's ${maker.label} never finished (restart mid-send): sending it again`
      : `sending today's ${maker.label} again after a failed try`,
  );
  await deliverAttempt(app, stored, mail, await startDigestAttempt(app.store, stored.id, now), now);
  return 'sent';
}

/** The mail as first built; for a row stored before mails were kept, composed afresh (with its numbering updated). */
async function storedMail(app: App, stored: StoredDigest, now: Date, maker: DigestMaker): Promise<OutgoingMail | null> {
  const kept = await getDigestMail<StoredMail>(app.store, stored.id);
  if (kept) return { ...kept, date: new Date(kept.date) };
  const digest = await maker.compose(app, now);
  if (!digest) return null;
  const mail = outgoing(app, digest, stored, now);
  await app.store.transaction(async (tx) => {
    await setDigestEntries(tx, stored.id, digestEntries(digest), itemCountOf(digest));
    await setDigestMail(tx, stored.id, mail);
  });
  return mail;
}

/** Only IMAP delivery can be checked: the digest is in the inbox or not. Over SMTP nothing can tell, so: resend. */
async function deliveredEarlier(app: App, messageId: string): Promise<boolean> {
  if (app.config.digest.deliver !== 'imap') return false;
  const session = await openUserImap(app);
  try {
    return await session.hasMessageId(app.config.imap.inboxFolder, messageId);
  } finally {
    await session.close();
  }
}

async function deliverAttempt(
  app: App,
  stored: StoredDigest,
  mail: OutgoingMail,
  attempt: number,
  now: Date,
): Promise<void> {
  try {
    await deliver(app, mail);
  } catch (error) {
    const retryKind = retryKindOf(error);
    await finishDigestAttempt(app.store, attempt, { outcome: 'failed', retryKind, error: errorMessage(error) }, now);
    throw error;
  }
  await app.store.transaction(async (tx) => {
    await markDigestSent(tx, stored.id, now);
    await finishDigestAttempt(tx, attempt, { outcome: 'sent' }, now);
  });
  app.log.info(
    { digest: stored.id, kind: stored.kind, to: app.config.digest.to, via: app.config.digest.deliver },
    stored.kind === 'weekly' ? 'weekly review sent' : 'digest sent',
  );
}

/**
 * When to try today's digest again, in ms from now: after a failure that is retried on a timer, with backoff over
 * the failures in a row; null when there is nothing to retry (sent, quiet, or refused for good).
 */
export async function digestRetryDelay(
  app: App,
  now: Date,
  backoff: Partial<BackoffOptions> = DIGEST_BACKOFF,
  kind: DigestKind = 'daily',
): Promise<number | null> {
  const stored = await digestForDay(app.store, localDay(now, app.config.digest.timezone), kind);
  if (!stored || stored.sentAt) return null;
  const attempts = await listDigestAttempts(app.store, stored.id);
  const last = attempts.at(-1);
  if (last?.outcome !== 'failed' || !last.retryKind) return null;
  let failures = 0;
  for (let i = attempts.length - 1; i >= 0 && attempts[i]?.outcome === 'failed'; i--) failures++;
  return backoffDelay(failures, last.retryKind, backoff);
}

/** The app's transport when it was given one (tests, --dry-run), else IMAP APPEND or SMTP as the config says. */
export function transportFor(app: App): Transport {
  if (app.transport) return app.transport;
  if (app.config.digest.deliver === 'imap')
    return imapAppendTransport(() => openUserImap(app), app.config.imap.inboxFolder);
  if (!app.config.smtp) throw new Error('smtp: not configured');
  return smtpTransport((mail) => userSmtp(app.config, mail));
}

async function deliver(app: App, mail: OutgoingMail): Promise<void> {
  await transportFor(app).deliver(mail);
}

/** A confirmation that fails this often (or is refused for good) is dropped: the changes themselves are stored. */
const CONFIRMATION_TRIES = 5;

/**
 * Sends the confirmations of replies that were committed (queued in the store by the same transaction). At least
 * once: one whose try never finished is checked in the inbox (IMAP) or sent again (SMTP), a failed one waits for the
 * next round, up to CONFIRMATION_TRIES.
 */
export async function sendOutbox(app: App, now: Date): Promise<number> {
  // Drafts asked for by a reply first, at most once: the confirmation that follows says they were asked for.
  const drafts = app.draftQueue.splice(0);
  if (drafts.length > 0) {
    const filed = await fileDrafts(app, drafts, now).catch(() => [] as string[]);
    app.log.info({ filed }, `filed ${filed.length} follow-up draft(s) in Drafts`);
  }
  const me = app.config.me[0] ?? app.config.digest.to;
  const domain = mailDomain(app);
  let sent = 0;
  const outbox = await listOutbox(app.store);
  const secret = outbox.length > 0 ? await getOrCreateSecret(app.store) : '';
  for (const queued of outbox) {
    const c = queued.confirmation;
    const messageId = `followthru-confirm.${queued.key}@${domain}`;
    const mail: OutgoingMail = {
      from: `followthru <${me}>`,
      to: app.config.digest.to,
      subject: c.subject,
      text: c.text,
      html: `<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(c.text)}</pre>`,
      messageId: `<${messageId}>`,
      inReplyTo: c.inReplyTo ? `<${c.inReplyTo}>` : undefined,
      // The mark is an HMAC of the Message-ID: when the confirmation comes back it is skipped, and a stranger
      // cannot copy the header to hide their own mail (see ingest/route.ts).
      headers: { 'X-Followthru-Digest': mailMark(secret, messageId), 'Auto-Submitted': 'auto-replied' },
      date: now,
    };
    try {
      if (queued.startedAt !== null && (await deliveredEarlier(app, mail.messageId))) {
        await removeFromOutbox(app.store, queued.id);
        continue;
      }
      await startOutboxTry(app.store, queued.id, now);
      await deliver(app, mail);
      await removeFromOutbox(app.store, queued.id);
      sent++;
    } catch (error) {
      const reason = errorMessage(error);
      if (retryKindOf(error) === null || queued.attempts + 1 >= CONFIRMATION_TRIES) {
        await removeFromOutbox(app.store, queued.id);
        app.log.warn(
          { reason, tries: queued.attempts + 1 },
          'could not send the confirmation of your reply, giving up (the changes are saved)',
        );
      } else {
        await failOutboxTry(app.store, queued.id, reason);
        app.log.warn(
          { reason },
          'could not send the confirmation of your reply: tried again next round (the changes are saved)',
        );
      }
    }
  }
  return sent;
}
