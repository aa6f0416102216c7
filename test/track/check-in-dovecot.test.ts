// The thank-you after the deal, end to end against the real test Dovecot and a real SMTP server: "the contract
// is signed" in a mail in Sent makes a check-in item for the customer due 14 days after the mail's own day; the
// digest of the next morning leaves it out, and the digest of that day does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest } from '../../src/digest/deliver.js';
import { listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail } from '../support/app.js';
import { type MailWorld, startMailWorld } from '../support/mail-world.js';

const SIGNED_AT = 'Mon, 2 Nov 2026 10:00:00 -0600';
const NEXT_DAY = new Date('2026-11-03T13:30:00Z');
const DUE_MORNING = new Date('2026-11-16T13:30:00Z');

describe('a check-in after "the contract is signed", over IMAP', () => {
  let world: MailWorld;

  beforeAll(async () => {
    world = await startMailWorld({ digest: { quiet: false } });
    await world.session.append(
      'Sent',
      rawMail({
        from: 'Dana Reyes <dana@northwind.example>',
        to: 'Lee Wong <lee@wongbakery.example>',
        subject: 'Wong Bakery install',
        id: 'signed@northwind.example',
        date: SIGNED_AT,
        body: 'Hi Lee,\n\nThe contract is signed. Welcome aboard!\n\nDana',
      }),
    );
    await syncOnce(world.t.app, world.session, NEXT_DAY);
  }, 120_000);
  afterAll(() => world?.stop());

  it('makes one check-in item for the customer, due 14 days after the mail', async () => {
    const checkIns = (await listItems(world.t.app.store)).filter((i) => i.rule.startsWith('check-in:'));
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]?.due?.date).toBe('2026-11-16');
    expect(checkIns[0]?.status).toBe('open');
    expect(checkIns[0]?.counterparties.map((a) => a.address)).toEqual(['lee@wongbakery.example']);
  });

  it('is left out of the next morning digest, and is due in the digest of its day', async () => {
    await sendDigest(world.t.app, NEXT_DAY);
    const early = await world.digestText('2026-11-03');
    expect(early).toContain('Reply to this mail with one command per line'); // the digest went out …
    expect(early).not.toContain('Lee Wong'); // … and a check-in two weeks off is not in it yet
    await syncOnce(world.t.app, world.session, DUE_MORNING);
    await sendDigest(world.t.app, DUE_MORNING);
    const due = await world.digestText('2026-11-16');
    expect(due).toMatch(/DUE TODAY \(\d+\)\n\n\d+\. "Check in with Lee Wong: The contract is signed\./);
    for (const mail of world.smtp.received) expect(mail.to).toEqual([world.dovecot.user]);
  });
});
