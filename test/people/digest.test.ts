// Keep in touch end to end, against the real test Dovecot and a real SMTP server: the digest names the people
// gone quiet and no bulk sender, a mail to one of them takes them out of the next day's digest, and "mute N"
// by reply keeps the other out for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest, sendOutbox } from '../../src/digest/deliver.js';
import type { ImapSession } from '../../src/source/imap.js';
import { digestForDay, listItems, listPeople } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp } from '../support/app.js';
import { type MailWorld, startMailWorld } from '../support/mail-world.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const LAURA = 'Laura Chen <laura.chen@harbor.example>';
const TOM = 'Tom Okafor <tom@okafor.example>';
// A human-looking address that sends list mail (List-Id): the user even writes to it, often. Never a person.
const LIST = 'Anna from Solar Trade <anna@solartrade.example>';
const NOREPLY = 'Vendor <no-reply@vendor.example>';
const MON = new Date('2026-11-16T13:30:00Z');
const TUE = new Date('2026-11-17T13:30:00Z');
const WED = new Date('2026-11-18T13:30:00Z');
const AUGUST = ['2026-08-03', '2026-08-10', '2026-08-17', '2026-08-24'];

const mail = (
  from: string,
  to: string,
  id: string,
  day: string,
  headers?: Record<string, string>,
  inReplyTo?: string,
) =>
  rawMail({
    from,
    to,
    subject: `Catch-up ${id}`,
    id: `${id}@test.example`,
    date: new Date(`${day}T${inReplyTo ? 16 : 15}:00:00Z`).toUTCString(),
    body: 'Great to hear from you. All the best.',
    headers,
    inReplyTo,
  });

/** They write, Dana answers: an exchange that leaves nothing waiting (a mail of hers alone would await a reply). */
async function exchange(session: ImapSession, who: string, id: string, day: string, headers?: Record<string, string>) {
  await session.append('INBOX', mail(who, DANA, id, day, headers));
  await session.append('Sent', mail(DANA, who, `re-${id}`, day, undefined, `${id}@test.example`));
}

describe('Keep in touch in the digest', () => {
  let world: MailWorld;
  let session: ImapSession;
  let t: TestApp;
  const digestText = (day: string) => world.digestText(day);
  const section = (text: string) =>
    /KEEP IN TOUCH \(\d+\)\n([\s\S]*?)\n(?=[A-Z ]+ \(\d+\)\n|--\n)/.exec(text)?.[1] ?? '';
  const numberOf = (text: string, name: string) =>
    new RegExp(`^(\\d+)\\. "Keep in touch with ${name}`, 'm').exec(text)?.[1];

  beforeAll(async () => {
    world = await startMailWorld({ backfillDays: 365, digest: { quiet: false } });
    ({ session, t } = world);
    for (const [i, day] of AUGUST.entries()) {
      await exchange(session, LAURA, `laura${i}`, day);
      await exchange(session, TOM, `tom${i}`, day);
      await exchange(session, LIST, `list${i}`, day, { 'List-Id': '<weekly.solartrade.example>' });
      await exchange(session, NOREPLY, `noreply${i}`, day);
    }
    await syncOnce(t.app, session, MON);
  }, 120_000);
  afterAll(() => world?.stop());

  it('names Laura and Tom under Keep in touch, and neither the list sender nor the no-reply address', async () => {
    expect(await sendDigest(t.app, MON)).toBe('sent');
    const body = section(await digestText('2026-11-16'));
    expect(body).toContain('Keep in touch with Laura Chen');
    expect(body).toContain('Keep in touch with Tom Okafor');
    expect(body).not.toMatch(/solartrade|Solar Trade|vendor/i);
    const people = await listPeople(t.app.store);
    expect(people.find((p) => p.address === 'anna@solartrade.example')).toMatchObject({ bulk: true, exchanges: 4 });
  }, 60_000);

  it('a mail to Laura takes her out of the next day’s digest; Tom stays', async () => {
    await session.append('Sent', mail(DANA, LAURA, 'laura-again', '2026-11-16', undefined, 'laura3@test.example'));
    await syncOnce(t.app, session, new Date('2026-11-16T16:00:00Z'));
    expect(await sendDigest(t.app, TUE)).toBe('sent');
    const body = section(await digestText('2026-11-17'));
    expect(body).not.toContain('Laura');
    expect(body).toContain('Keep in touch with Tom Okafor');
    const laura = (await listItems(t.app.store)).filter(
      (i) => i.rule === 'keep-in-touch' && i.counterparties[0]?.address === 'laura.chen@harbor.example',
    );
    expect(laura.map((i) => i.status)).toEqual(['answered']);
  }, 60_000);

  it('"mute N" by reply drops Tom and keeps him out of every later digest', async () => {
    const text = await digestText('2026-11-17');
    const n = numberOf(text, 'Tom Okafor');
    expect(n).toBeDefined();
    const digest = await digestForDay(t.app.store, '2026-11-17');
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: followthru',
        id: 'mute@northwind.example',
        inReplyTo: digest?.messageId ?? '',
        date: 'Tue, 17 Nov 2026 08:00:00 -0600',
        body: `mute ${n}`,
      }),
    );
    await syncOnce(t.app, session, new Date('2026-11-17T14:30:00Z'));
    await sendOutbox(t.app, new Date('2026-11-17T14:30:00Z'));
    const tom = (await listItems(t.app.store)).find((i) => i.counterparties[0]?.address === 'tom@okafor.example');
    expect(tom?.status).toBe('dropped');
    expect((await listPeople(t.app.store)).find((p) => p.address === 'tom@okafor.example')?.muted).toBe(true);
    expect(await sendDigest(t.app, WED)).toBe('sent');
    expect(await digestText('2026-11-18')).not.toContain('Tom Okafor');
    // Months later, still silent: never suggested again.
    expect(await sendDigest(t.app, new Date('2027-01-18T13:30:00Z'))).toBe('sent');
    expect(await digestText('2027-01-18')).not.toContain('Tom Okafor');
  }, 60_000);
});
