// kill -9 during a backfill, again and again: every commitment ends up in the store exactly once, the cursor is
// never ahead of committed mail, and SQLite stays intact. Runs the real CLI (dist/) as a child process.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { getCursor, openStore, type Store } from '../../src/store/index.js';
import { rawMail } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { recordFault } from './report.js';

const MAILS = 1500;
const KILLS = 50;
const BIN = resolve('bin/followthru.js');
const isPromise = (n: number) => n % 3 === 0;

function mail(n: number): Buffer {
  const body = isPromise(n)
    ? `Hi,\n\nI'll send you the signed order form ${n} by Friday.\n\nDana`
    : `Meeting notes ${n}, for the record.`;
  return rawMail({
    from: 'Dana <dana@northwind.example>',
    to: `C${n} <c${n}@x.example>`,
    subject: `Order ${n}`,
    id: `crash-${n}@northwind.example`,
    date: 'Mon, 16 Nov 2026 09:00:00 -0600',
    body,
  });
}

let crashes = 0;
function syncOnce(config: string, killAfterMs: number | null): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'sync', '--config', config, '--now', '2026-11-16T16:00:00Z'], {
      stdio: 'ignore',
    });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL') crashes++;
      done(code);
    });
  });
}

describe('kill -9 during a backfill', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let dir: string;
  let config: string;
  const dbPath = () => join(dir, 'followthru.db');

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    for (let n = 1; n <= MAILS; n++) await session.append('Sent', mail(n), ['\\Seen']);
    dir = await mkdtemp(join(tmpdir(), 'followthru-crash-'));
    config = join(dir, 'config.json');
    process.env.FT_CRASH_PASSWORD = dovecot.password;
    await writeFile(
      config,
      JSON.stringify({
        me: ['dana@northwind.example', dovecot.user],
        timezone: 'America/Chicago',
        backfillDays: 3650,
        logLevel: 'silent',
        store: { path: dbPath() },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordEnv: 'FT_CRASH_PASSWORD',
        },
        digest: { deliver: 'imap' },
      }),
      { mode: 0o600 },
    );
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function inspect(): Promise<{
    messages: number;
    lastUid: number;
    promises: number;
    doubled: number;
    integrity: string;
  }> {
    const store: Store = await openStore(dbPath());
    try {
      const count = async (sql: string) => (await store.get<{ n: number }>(sql))?.n ?? 0;
      return {
        messages: await count("SELECT COUNT(*) AS n FROM messages WHERE folder = 'Sent'"),
        lastUid: (await getCursor(store, 'Sent'))?.lastUid ?? 0,
        promises: await count("SELECT COUNT(*) AS n FROM items WHERE kind = 'promise'"),
        doubled: await count(
          "SELECT COUNT(*) AS n FROM (SELECT message_id FROM items WHERE kind = 'promise' GROUP BY message_id HAVING COUNT(*) > 1)",
        ),
        integrity: (await store.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check ?? '',
      };
    } finally {
      await store.close();
    }
  }

  it(`${KILLS} kills at random points, then a clean finish: nothing lost, nothing doubled`, async () => {
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const code = await syncOnce(config, 300 + Math.floor(Math.random() * 1500));
      if (code === null) killed++;
      const state = await inspect();
      // UIDs are 1..MAILS and every mail is valid: all UIDs up to the cursor must be stored.
      expect(state.lastUid).toBeLessThanOrEqual(state.messages);
      expect(state.doubled).toBe(0);
      expect(state.integrity).toBe('ok');
    }
    expect(killed).toBeGreaterThan(KILLS / 2);
    expect(await syncOnce(config, null)).toBe(0);
    const final = await inspect();
    recordFault({
      fault: `kill -9 during a ${MAILS}-mail backfill`,
      injected: killed,
      expected: MAILS / 3,
      found: final.promises,
      duplicates: final.doubled,
      crashes,
    });
    expect(crashes).toBe(0);
    expect(final).toEqual({ messages: MAILS, lastUid: MAILS, promises: MAILS / 3, doubled: 0, integrity: 'ok' });
  }, 600_000);
});
