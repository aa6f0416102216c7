// Done-when of several accounts: two Dovecot users (and one account with a wrong password), one daemon.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { sendDigest } from '../../src/digest/deliver.js';
import { jsonLinesTransport } from '../support/transport.js';
import { createLogger } from '../../src/log.js';
import { runDaemon } from '../../src/scheduler/daemon.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { getItem, listItems } from '../../src/store/index.js';
import { rawMail } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const WORK = { user: 'dana@work.example', password: 'work-secret-1' };
const HOME = { user: 'dana@home.example', password: 'home-secret-2' };

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

const promise = (from: string, n: number) =>
  rawMail({
    from,
    to: `P${n} <p${n}@x.example>`,
    subject: `Quote ${n}`,
    id: `acct-p${n}@x.example`,
    date: new Date().toUTCString(),
    body: `I'll send you quote number ${n} by Friday.`,
  });

describe('one daemon, several accounts, against a real Dovecot with two users', () => {
  let dovecot: Dovecot;
  let dir: string;
  let app: App;
  let outbox: string;
  const sessions: Record<string, ImapSession> = {};
  const logs: string[] = [];
  const stop = new AbortController();
  let running: Promise<void>;
  const itemsOf = async (account: string) => await listItems(app.store.forAccount(account), { kind: 'promise' });

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [WORK, HOME] });
    dir = await mkdtemp(join(tmpdir(), 'followthru-accounts-'));
    outbox = join(dir, 'outbox.jsonl');
    const imap = (u: { user: string; password: string }) => ({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      allowInsecure: true,
      user: u.user,
      password: u.password,
    });
    const config = parseConfig(
      {
        timezone: 'UTC',
        store: { path: join(dir, 'followthru.db') },
        digest: { deliver: 'imap', cron: '0 3 1 1 *', quiet: false },
        // On the real clock a Friday afternoon would add a weekly review mail: tested on its own in test/review/.
        weeklyReview: { enabled: false },
        accounts: [
          { id: 'work', me: [WORK.user], imap: imap(WORK) },
          { id: 'home', me: [HOME.user], imap: imap(HOME) },
          { id: 'broken', me: ['nobody@work.example'], imap: imap({ user: WORK.user, password: 'wrong-password' }) },
        ],
      },
      join(dir, 'config.json'),
    );
    app = await openApp(config, {
      log: createLogger({ level: 'debug', destination: { write: (line) => logs.push(line) } }),
      transport: jsonLinesTransport(outbox),
    });
    for (const u of [WORK, HOME]) sessions[u.user] = await openImap(imapOptionsOf({ ...dovecot, ...u }));
    running = runDaemon(app, { signal: stop.signal, pollMs: 60_000, backoff: { baseMs: 200, maxMs: 1_000 } });
  });
  afterAll(async () => {
    stop.abort();
    await running;
    for (const session of Object.values(sessions)) await session.close();
    await app?.close();
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('tracks mail in either Sent under that account within 10 s, while one account cannot log in', async () => {
    await sessions[WORK.user]?.append('Sent', promise(WORK.user, 1));
    await sessions[HOME.user]?.append('Sent', promise(HOME.user, 2));
    await until(async () => (await itemsOf('work')).length === 1 && (await itemsOf('home')).length === 1);
    expect((await itemsOf('work'))[0]?.text).toContain('quote number 1');
    expect((await itemsOf('home'))[0]?.text).toContain('quote number 2');
    expect(await itemsOf('broken')).toEqual([]);
    // The broken account keeps being refused and retried, on its own.
    await until(
      async () => logs.filter((l) => l.includes('"account":"broken"') && l.includes('reconnecting')).length >= 2,
    );
    // ...and the others still sync after its failures.
    await sessions[HOME.user]?.append('Sent', promise(HOME.user, 3));
    await until(async () => (await itemsOf('home')).length === 2);
  });

  it('sends one digest listing both accounts with labels; "done N" by reply closes the right account\'s item', async () => {
    expect(await sendDigest(app, new Date())).toBe('sent');
    const mails = (await readFile(outbox, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; messageId: string; to: string });
    // One digest for all accounts, not one per account: nothing else has been sent yet.
    expect(mails).toHaveLength(1);
    const digest = mails[0];
    expect(digest?.to).toBe(WORK.user);
    expect(digest?.text).toMatch(/\[work\] "I'll send you quote number 1/);
    expect(digest?.text).toMatch(/\[home\] "I'll send you quote number 2/);
    const number = /(\d+)\. \[home\] "I'll send you quote number 2/.exec(digest?.text ?? '')?.[1];
    expect(number).toBeDefined();
    const homeItem = (await itemsOf('home')).find((i) => i.text.includes('number 2'));
    // The reply arrives in the inbox of the account the digest went to (work), and names a home item.
    await sessions[WORK.user]?.append(
      'INBOX',
      rawMail({
        from: WORK.user,
        to: WORK.user,
        subject: 'Re: digest',
        id: 'acct-reply@work.example',
        date: new Date().toUTCString(),
        inReplyTo: (digest?.messageId ?? '').replace(/^<|>$/g, ''),
        body: `done ${number}`,
      }),
    );
    await until(async () => (await getItem(app.store, homeItem?.id ?? -1))?.status === 'done');
    expect((await itemsOf('work'))[0]?.status).toBe('open');
  });
});
