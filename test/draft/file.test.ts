// `draft N` by reply and on the CLI, against a real Dovecot and a real SMTP server: the follow-up is read back
// from Drafts (threaded, addressed, flagged \Draft), the item is unchanged, and SMTP carried nothing but mail to the user.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/parse/mailparser.js';
import { sendDigest, sendOutbox } from '../../src/digest/deliver.js';
import type { ImapSession } from '../../src/source/imap.js';
import { digestForDay, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { dovecotConfigJson, rawMail, type TestApp } from '../support/app.js';
import { cli } from '../support/cli.js';
import type { Dovecot } from '../support/dovecot.js';
import { type MailWorld, startMailWorld } from '../support/mail-world.js';
import type { TestSmtp } from '../support/smtp.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T15:00:00Z');
const DANA = 'Dana Reyes <dana@northwind.example>';
const PROMISE = "I'll send you the revised quote by Friday.";

describe('draft N files a threaded follow-up in Drafts and sends nothing', () => {
  let dovecot: Dovecot;
  let smtp: TestSmtp;
  let session: ImapSession;
  let t: TestApp;
  let world: MailWorld;
  const smtpConfig = () => world.smtpConfig;
  const drafts = async () => {
    await session.status('Drafts'); // leaves the folder, so mail another connection filed is seen
    const pending = await session.listPending('Drafts', { afterUid: 0 });
    return (
      await session.fetchSources(
        'Drafts',
        pending.map((p) => p.uid),
      )
    ).map((r) => r.bytes.toString());
  };

  beforeAll(async () => {
    world = await startMailWorld();
    ({ dovecot, smtp, session, t } = world);
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya Shah <priya@harbor.example>',
        subject: 'Quote',
        id: 's1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: PROMISE,
        headers: { Cc: 'Omar <omar@harbor.example>' },
      }),
    );
    await syncOnce(t.app, session, NOW);
    expect(await sendDigest(t.app, NOW)).toBe('sent');
  }, 120_000);
  afterAll(() => world?.stop());

  it('a reply "draft 1" puts a threaded, addressed draft in Drafts, flagged \\Draft, and leaves the item open', async () => {
    const digest = await digestForDay(t.app.store, '2026-11-16');
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: followthru',
        id: 'r1@northwind.example',
        inReplyTo: digest?.messageId ?? '',
        date: 'Mon, 16 Nov 2026 08:10:00 -0600',
        body: 'draft 1',
      }),
    );
    await syncOnce(t.app, session, LATER);
    await sendOutbox(t.app, LATER);
    const [draft, ...more] = await drafts();
    expect(more).toHaveLength(0);
    expect(draft).toMatch(/^In-Reply-To: <s1@northwind\.example>\r$/m);
    expect(draft).toMatch(/^References: <s1@northwind\.example>\r$/m);
    expect(draft).toMatch(/^To: Priya Shah <priya@harbor\.example>\r$/m);
    expect(draft).toMatch(/^Cc: Omar <omar@harbor\.example>\r$/m);
    expect(draft).toMatch(/^From: dana@northwind\.example\r$/m);
    expect(draft).toMatch(/^Subject: Re: Quote\r$/m);
    const parsed = await parseMessage({ origin: 'test', mailbox: 'Drafts', bytes: Buffer.from(draft ?? '') });
    expect(parsed.text).toContain('Hi Priya,');
    expect(parsed.text).toContain(`On Tue 10 Nov I wrote: "${PROMISE}"`);
    expect(draft).not.toMatch(/^X-Followthru/im);
    expect(await dovecot.doveadm('fetch', '-u', dovecot.user, 'flags', 'mailbox', 'Drafts', 'all')).toContain(
      '\\Draft',
    );
    expect((await listItems(t.app.store, { kind: 'promise' }))[0]?.status).toBe('open');
    // SMTP carried the digest and the confirmation, both to the user only; never the draft.
    expect(smtp.received.length).toBeGreaterThan(0);
    for (const mail of smtp.received) expect(mail.to).toEqual([dovecot.user]);
    expect(smtp.received.some((m) => m.raw.includes('priya@harbor.example') && /^To:.*priya/im.test(m.raw))).toBe(
      false,
    );
  }, 120_000);

  it('followthru draft 1 (the real binary) files a second draft and sends nothing', async () => {
    const config = join(t.dir, 'cli.json');
    const json = dovecotConfigJson(dovecot, t.dir, {
      digest: { deliver: 'smtp' },
      smtp: smtpConfig(),
      logLevel: 'warn',
    });
    await writeFile(config, JSON.stringify(json), { mode: 0o600 });
    const before = smtp.received.length;
    const result = await cli('draft', '1', '-c', config, '--now', LATER.toISOString());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is in Drafts/);
    const all = await drafts();
    expect(all).toHaveLength(2);
    expect(all[1]).toMatch(/^In-Reply-To: <s1@northwind\.example>\r$/m);
    expect(smtp.received.length).toBe(before);
  }, 120_000);

  it('"draft all" is refused: one draft per item the user names', async () => {
    const config = join(t.dir, 'cli.json');
    const result = await cli('draft', 'all', '-c', config, '--now', LATER.toISOString());
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('not all');
    expect(await drafts()).toHaveLength(2);
  }, 120_000);
});
