// The weekly review end to end, against the real test Dovecot and a real SMTP server: a week of mail (a promise
// kept on time by an attachment, one marked done late by a reply to the digest, one dropped, two still open, a
// thread answered, one still waiting), the daemon started after Friday's slot twice (a restart), and the review
// arrives once, each of its counts checked against the store. A reply to the review is obeyed by its numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest, sendOutbox } from '../../src/digest/deliver.js';
import { parseMessage } from '../../src/parse/mailparser.js';
import { WEEKLY_REVIEW } from '../../src/review/send.js';
import { runDaemon } from '../../src/scheduler/daemon.js';
import type { ImapSession } from '../../src/source/imap.js';
import { digestForDay, getItem, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import type { TrackedItem } from '../../src/types.js';
import { rawMail, type TestApp } from '../support/app.js';
import { type MailWorld, startMailWorld } from '../support/mail-world.js';
import type { TestSmtp } from '../support/smtp.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const THU = new Date('2026-11-19T20:00:00Z');
/** Fri 20 Nov 2026, 17:00 in Chicago: an hour after the review's slot (Friday 16:00). */
const FRI = new Date('2026-11-20T23:00:00Z');
/** The week the review covers starts at local midnight six days before: Sat 14 Nov, 00:00 in Chicago. */
const SINCE = '2026-11-14T06:00:00.000Z';

const sent = (id: string, to: string, date: string, body: string, inReplyTo?: string) =>
  rawMail({ from: DANA, to, subject: `About ${id}`, id: `${id}@northwind.example`, date, body, inReplyTo });

/** A reply with the brochure attached: the evidence that keeps "I'll send you the brochure tomorrow". */
const brochure = Buffer.from(
  [
    `From: ${DANA}`,
    'To: Priya Shah <priya@harbor.example>',
    'Subject: Re: About s1',
    'Date: Tue, 17 Nov 2026 10:00:00 -0600',
    'Message-ID: <s2@northwind.example>',
    'In-Reply-To: <s1@northwind.example>',
    'References: <s1@northwind.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Here it is.',
    '--b1',
    'Content-Type: application/pdf; name="brochure.pdf"',
    'Content-Disposition: attachment; filename="brochure.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 brochure').toString('base64'),
    '--b1--',
    '',
  ].join('\r\n'),
);

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

describe('the weekly review', () => {
  let world: MailWorld;
  let smtp: TestSmtp;
  let session: ImapSession;
  let t: TestApp;
  const reviews = () => smtp.received.filter((m) => /^Subject: followthru weekly review/m.test(m.raw));
  const textOf = async (raw: string) =>
    (await parseMessage({ origin: 'test', mailbox: 'INBOX', bytes: Buffer.from(raw) })).text;
  const promiseWith = async (words: string) =>
    (await listItems(t.app.store, { kind: 'promise' })).find((i) => i.text.includes(words)) as TrackedItem;
  const reply = async (inReplyTo: string, id: string, body: string, date: string) => {
    await session.append(
      'INBOX',
      rawMail({ from: DANA, to: DANA, subject: 'Re: followthru', id, inReplyTo, date, body }),
    );
  };
  /** The daemon, started after Friday's slot, until the review job has run; then stopped. */
  const runDaemonOnce = async (outcome: string) => {
    const stop = new AbortController();
    const running = runDaemon(t.app, { signal: stop.signal, clock: () => FRI });
    const seen = () => t.logs.some((l) => l.includes('"kind":"weekly"') && l.includes(`"outcome":"${outcome}"`));
    try {
      await until(async () => seen());
    } finally {
      stop.abort();
      await running;
    }
  };

  beforeAll(async () => {
    world = await startMailWorld({ digest: { cron: '0 3 1 1 *' } });
    ({ smtp, session, t } = world);
    const mails = [
      sent(
        's1',
        'Priya Shah <priya@harbor.example>',
        'Mon, 16 Nov 2026 09:00:00 -0600',
        "Hi Priya,\n\nI'll send you the brochure tomorrow.\n\nDana",
      ),
      sent(
        's3',
        'Omar Haddad <omar@fields.example>',
        'Tue, 10 Nov 2026 09:00:00 -0600',
        "Hi Omar,\n\nI'll send you the revised quote by Friday.\n\nDana",
      ),
      sent(
        's4',
        'Lee Wong <lee@x.example>',
        'Wed, 18 Nov 2026 09:00:00 -0600',
        "Hi Lee,\n\nI'll send the site survey report by Thursday.\n\nDana",
      ),
      sent(
        's5',
        'Sam Ito <sam@y.example>',
        'Thu, 19 Nov 2026 09:00:00 -0600',
        "Hi Sam,\n\nI'll call you tomorrow about the financing options.\n\nDana",
      ),
      sent(
        's6',
        'Kim Park <kim@z.example>',
        'Mon, 16 Nov 2026 10:00:00 -0600',
        'Hi Kim,\n\nDoes Thursday work for a site visit?\n\nDana',
      ),
      sent(
        's7',
        'Jo Lund <jo@w.example>',
        'Thu, 19 Nov 2026 10:00:00 -0600',
        'Hi Jo,\n\nCould you confirm the roof size?\n\nDana',
      ),
    ];
    for (const raw of mails) await session.append('Sent', raw);
    await session.append('Sent', brochure);
    await session.append(
      'INBOX',
      rawMail({
        from: 'Kim Park <kim@z.example>',
        to: DANA,
        subject: 'Re: About s6',
        id: 'k1@z.example',
        inReplyTo: 's6@northwind.example',
        date: 'Tue, 17 Nov 2026 09:00:00 -0600',
        body: 'Thursday works.',
      }),
    );
    await syncOnce(t.app, session, THU);
    // Thursday's digest: the quote (overdue) marked done and the call dropped, by a reply.
    expect(await sendDigest(t.app, THU)).toBe('sent');
    const daily = await digestForDay(t.app.store, '2026-11-19');
    const numberOf = (item: TrackedItem) => daily?.entries.find((e) => e.itemId === item.id)?.number;
    const quote = await promiseWith('revised quote');
    const call = await promiseWith('call you tomorrow');
    expect(numberOf(quote)).toBeDefined();
    expect(numberOf(call)).toBeDefined();
    const body = `done ${numberOf(quote)}\ndrop ${numberOf(call)}`;
    await reply(daily?.messageId ?? '', 'r1@northwind.example', body, 'Thu, 19 Nov 2026 14:30:00 -0600');
    await syncOnce(t.app, session, new Date('2026-11-19T21:00:00Z'));
    await sendOutbox(t.app, new Date('2026-11-19T21:00:00Z'));
    expect((await getItem(t.app.store, quote.id))?.status).toBe('done');
    expect((await getItem(t.app.store, call.id))?.status).toBe('dropped');
  }, 120_000);
  afterAll(() => world?.stop());

  it('arrives once on its day: the daemon started after the slot, restarted, and the slot run again', async () => {
    await runDaemonOnce('sent');
    expect(reviews()).toHaveLength(1);
    await runDaemonOnce('already-sent'); // a restart the same Friday
    expect(await sendDigest(t.app, FRI, WEEKLY_REVIEW)).toBe('already-sent');
    expect(reviews()).toHaveLength(1);
    const stored = await digestForDay(t.app.store, '2026-11-20', 'weekly');
    expect(stored?.sentAt).not.toBeNull();
    expect(await digestForDay(t.app.store, '2026-11-20')).toBeNull(); // no daily digest was made for it
  }, 60_000);

  it('counts what the store holds, and the story', async () => {
    const text = await textOf(reviews()[0]?.raw ?? '');
    const count = (label: string) => Number(new RegExp(`(\\d+) ${label}`).exec(text)?.[1]);
    const items = await listItems(t.app.store);
    const inWeek = (iso: string) => iso >= SINCE && Date.parse(iso) <= FRI.getTime();
    const promises = items.filter((i) => i.kind === 'promise' && i.rule !== 'keep-in-touch');
    const threads = items.filter((i) => i.kind === 'awaiting-reply');
    const live = (i: TrackedItem) => i.status === 'open' || i.status === 'snoozed';
    const closedAt = (i: TrackedItem) => (i.status === 'kept' ? (i.evidence?.at ?? i.updatedAt) : i.updatedAt);
    const kept = promises.filter((i) => ['kept', 'done'].includes(i.status) && inWeek(closedAt(i)));
    // On time: closed, in Chicago, no later than the day it was due.
    const localDay = (iso: string) => new Date(Date.parse(iso) - 6 * 3_600_000).toISOString().slice(0, 10);
    const onTime = kept.filter((i) => i.due !== null && localDay(closedAt(i)) <= i.due.date);
    const expected = {
      made: promises.filter((i) => inWeek(i.sentAt)).length,
      'kept on time': onTime.length,
      'kept late': kept.length - onTime.length,
      dropped: promises.filter((i) => i.status === 'dropped' && inWeek(i.updatedAt)).length,
      'still open': promises.filter(live).length,
      answered: threads.filter((i) => ['answered', 'done'].includes(i.status) && inWeek(i.updatedAt)).length,
      'still waiting': threads.filter(live).length,
    };
    for (const [label, n] of Object.entries(expected)) expect(count(label), label).toBe(n);
    // The story: the brochure (Mon), the report (Wed) and the call (Thu) made this week; the quote from last
    // week done late; the call dropped; the report and nothing else still open; Kim answered, Jo still waiting.
    expect(expected).toEqual({
      made: 3,
      'kept on time': 1,
      'kept late': 1,
      dropped: 1,
      'still open': 1,
      answered: 1,
      'still waiting': 1,
    });
    expect(text).toContain('People gone quiet: 0');
    expect(text).toContain('Oldest open promise: 1. "I\'ll send the site survey report by Thursday."');
  });

  it('a reply to the review is obeyed by its own numbers', async () => {
    const stored = await digestForDay(t.app.store, '2026-11-20', 'weekly');
    const report = await promiseWith('site survey report');
    expect(stored?.entries[0]).toEqual({ number: 1, itemId: report.id });
    await reply(stored?.messageId ?? '', 'r2@northwind.example', 'done 1', 'Fri, 20 Nov 2026 17:30:00 -0600');
    await syncOnce(t.app, session, new Date('2026-11-20T23:45:00Z'));
    expect((await getItem(t.app.store, report.id))?.status).toBe('done');
  }, 60_000);
});
