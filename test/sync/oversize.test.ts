// A huge mail (a 1 GB literal, scaled down to the smallest cap) is never fetched whole: it is skipped, recorded in
// `skipped`, and the mail after it is read as usual. Against a real Dovecot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUserImap } from '../../src/app.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { listItems, listSkips } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { dovecotConfigJson, rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const NOW = new Date('2026-11-16T16:00:00Z');
const CAP = 64 * 1024;
const DANA = 'Dana <dana@northwind.example>';
const mail = (id: string, body: string) =>
  rawMail({
    from: DANA,
    to: 'Lee <lee@x.example>',
    subject: id,
    id: `${id}@northwind.example`,
    date: 'Mon, 16 Nov 2026 09:00:00 -0600',
    body,
  });

describe('the fetch cap per mail', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    await session.append(
      'Sent',
      mail('huge', `I'll send you the huge file by Friday.\r\n${'x'.repeat(76)}\r\n`.repeat(4_000)),
    );
    await session.append('Sent', mail('small', "I'll send you the small file by Friday."));
    t = await testApp(dovecot, { imap: { ...dovecotConfigJson(dovecot, '/unused').imap, maxMessageBytes: CAP } });
  });
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('the session hands back an oversized mail as tooLarge, without its bytes', async () => {
    const capped = await openImap({ ...imapOptionsOf(dovecot), maxMessageBytes: CAP });
    try {
      const [huge, small] = await capped.fetchSources('Sent', [1, 2]);
      expect(huge?.tooLarge).toBeGreaterThan(CAP);
      expect(huge?.bytes.length).toBe(0);
      expect(small?.tooLarge).toBeUndefined();
      expect(small?.bytes.toString()).toContain('small file');
    } finally {
      await capped.close();
    }
  });

  it('sync skips and records it, reads the next mail, and does not retry it', async () => {
    const user = await openUserImap(t.app); // the session the app opens, with the configured cap
    try {
      await syncRounds(user);
    } finally {
      await user.close();
    }
  });

  async function syncRounds(user: ImapSession) {
    const first = await syncOnce(t.app, user, NOW);
    expect(first.outcome.skipped).toBe(1);
    const skips = await listSkips(t.app.store);
    expect(skips).toHaveLength(1);
    expect(skips[0]?.reason).toMatch(/too large to read \(\d+ bytes, above imap\.maxMessageBytes\)/);
    expect((await listItems(t.app.store, { kind: 'promise' })).map((i) => i.subject)).toEqual(['small']);
    expect((await syncOnce(t.app, user, NOW)).outcome).toMatchObject({ messages: 0, skipped: 0 });
  }
});
