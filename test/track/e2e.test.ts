// Tracking end to end over the test Dovecot: follow-up due after 3 business days, answered by a reply, a request
// closed by the user's answer, a newsletter ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemJson } from '../../src/cli/list.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const LEE = 'Lee Wong <lee@x.example>';
const MON = new Date('2026-11-09T16:00:00Z');
const FRI = new Date('2026-11-13T16:00:00Z'); // four business days later

describe('tracking end to end', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  const item = async (kind: string) => (await listItems(t.app.store)).find((i) => i.kind === kind);

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot);
  });
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('a question goes unanswered: due for follow-up four business days later', async () => {
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: LEE,
        subject: 'Site visit',
        id: 'q1@northwind.example',
        date: 'Mon, 9 Nov 2026 10:00:00 -0600',
        body: 'Hi Lee,\n\nDoes Thursday work for a site visit?\n\nDana',
      }),
    );
    await syncOnce(t.app, session, MON);
    const waiting = await item('awaiting-reply');
    expect(waiting?.status).toBe('open');
    const json = itemJson(waiting as NonNullable<typeof waiting>, t.app.config, FRI);
    expect(json.followUpDue).toBe('2026-11-12T16:00:00.000Z'); // Thu: 3 business days after Monday
    expect(Date.parse(json.followUpDue ?? '')).toBeLessThan(FRI.getTime());
  });

  it('then a reply in INBOX answers it', async () => {
    await session.append(
      'INBOX',
      rawMail({
        from: LEE,
        to: DANA,
        subject: 'Re: Site visit',
        id: 'a1@x.example',
        inReplyTo: 'q1@northwind.example',
        date: 'Fri, 13 Nov 2026 09:00:00 -0600',
        body: 'Thursday is fine.',
      }),
    );
    await syncOnce(t.app, session, FRI);
    expect(await item('awaiting-reply')).toMatchObject({ status: 'answered', evidence: { messageId: 'a1@x.example' } });
  });

  it('an out-of-office does not answer a thread', async () => {
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Sam <sam@y.example>',
        subject: 'Quote',
        id: 'q2@northwind.example',
        date: 'Fri, 13 Nov 2026 10:00:00 -0600',
        body: 'Could you confirm the roof size?',
      }),
    );
    await session.append(
      'INBOX',
      rawMail({
        from: 'Sam <sam@y.example>',
        to: DANA,
        subject: 'Automatic reply: Quote',
        id: 'oo1@y.example',
        inReplyTo: 'q2@northwind.example',
        date: 'Fri, 13 Nov 2026 10:01:00 -0600',
        body: 'I am out of the office until Monday, November 23.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    );
    await syncOnce(t.app, session, FRI);
    const sam = (await listItems(t.app.store, { kind: 'awaiting-reply' })).find(
      (i) => i.messageId === 'q2@northwind.example',
    );
    expect(sam?.status).toBe('snoozed');
    expect(sam?.snoozedUntil).toBe('2026-11-24T06:00:00.000Z'); // the business day after the return day, Chicago midnight
  });

  it("an inbound request is closed by the user's reply in Sent", async () => {
    await session.append(
      'INBOX',
      rawMail({
        from: LEE,
        to: DANA,
        subject: 'W-9',
        id: 'w1@x.example',
        date: 'Fri, 13 Nov 2026 11:00:00 -0600',
        body: 'Hi Dana, could you send me the W-9 for our records?',
      }),
    );
    await syncOnce(t.app, session, FRI);
    expect(await item('asked-of-you')).toMatchObject({ status: 'open' });
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: LEE,
        subject: 'Re: W-9',
        id: 'w2@northwind.example',
        inReplyTo: 'w1@x.example',
        date: 'Fri, 13 Nov 2026 12:00:00 -0600',
        body: 'Here it is.',
      }),
    );
    await syncOnce(t.app, session, FRI);
    expect(await item('asked-of-you')).toMatchObject({ status: 'answered' });
  });

  it('a newsletter saying "please reply" makes no item', async () => {
    const before = (await listItems(t.app.store)).length;
    await session.append(
      'INBOX',
      rawMail({
        from: 'Solar Weekly <news@solarweekly.example>',
        to: DANA,
        subject: 'This week',
        id: 'n1@solarweekly.example',
        date: 'Fri, 13 Nov 2026 12:30:00 -0600',
        body: 'Can you tell us what you think? Please reply to this survey.',
        headers: { 'List-Unsubscribe': '<mailto:unsub@solarweekly.example>', Precedence: 'bulk' },
      }),
    );
    await syncOnce(t.app, session, FRI);
    expect(await listItems(t.app.store)).toHaveLength(before);
  });
});
