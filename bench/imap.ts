// IMAP figures against a private Dovecot per mailbox size, each figure from a fresh child process (so each peak RSS
// is its own): the floor (a bare fetch of every mail in batches of 100, each batch through bare mailparser, nothing kept) and a
// full first followthru sync (fetch, parse, extract, track, store) of the same mailbox, with its peak memory.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { parseBare } from '../src/parse/mailparser.js';
import { openImap } from '../src/source/imap.js';
import { chunk } from '../src/sync/plan.js';
import { syncOnce } from '../src/sync/sync.js';
import { imapOptionsOf, startDovecot } from '../test/support/dovecot.js';
import { type Figure, measure } from './measure.js';

/** Real sent mail (the eval corpora's bodies) under new headers, so the sync does the work it does in life. */
function corpusBodies(dirs: string[]): { subject: string; body: string }[] {
  const bodies: { subject: string; body: string }[] = [];
  for (const dir of dirs) {
    for (const file of (existsSync(dir) ? readdirSync(dir) : []).filter((f) => f.endsWith('.eml')).sort()) {
      const text = readFileSync(join(dir, file), 'latin1');
      const split = text.search(/\r?\n\r?\n/);
      const subject = /^subject:[ \t]*(.*)$/im.exec(text.slice(0, split))?.[1]?.trim() ?? file;
      bodies.push({ subject, body: text.slice(split).trim() });
    }
  }
  return bodies.length
    ? bodies
    : [{ subject: 'Quote', body: "Hi,\n\nI'll send you the revised quote by Friday.\n\nDana" }];
}

function mail(n: number, corpus: { subject: string; body: string }[]): Buffer {
  const { subject, body } = corpus[n % corpus.length] as { subject: string; body: string };
  const day = String(1 + (n % 28)).padStart(2, '0');
  return Buffer.from(
    `From: Dana <dana@northwind.example>\r\nTo: Client ${n} <c${n}@x.example>\r\nSubject: ${subject}\r\nDate: Mon, ${day} Oct 2026 09:00:00 -0500\r\nMessage-ID: <bench-${n}@northwind.example>\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n${body}\r\n`,
    'latin1',
  );
}

type ServerOptions = ReturnType<typeof imapOptionsOf>;

/** In the first child: seed the server with `count` mails, then measure the floor. */
async function seedAndFloor(options: ServerOptions, count: number, corpusDirs: string[]): Promise<Figure> {
  const corpus = corpusBodies(corpusDirs);
  const seed = await openImap(options);
  try {
    for (let n = 0; n < count; n++) await seed.append('Sent', mail(n, corpus), ['\\Seen']);
    return await measure(`floor: bare fetch + bare mailparser (${count})`, count, async () => {
      const pending = await seed.listPending('Sent', { afterUid: 0 });
      for (const batch of chunk(pending, 100)) {
        for (const raw of await seed.fetchSources(
          'Sent',
          batch.map((p) => p.uid),
        ))
          await parseBare(raw);
      }
    });
  } finally {
    await seed.close();
  }
}

/** In the second child, fresh (so its peak RSS is the sync's own, not the seeding's): the first sync. */
async function firstSync(options: ServerOptions, count: number): Promise<Figure> {
  const dir = await mkdtemp(join(tmpdir(), 'followthru-bench-imap-'));
  try {
    const config = parseConfig(
      {
        me: [options.user, 'dana@northwind.example'],
        timezone: 'America/Chicago',
        backfillDays: 3650,
        store: { path: join(dir, 'bench.db') },
        imap: options,
        digest: { deliver: 'imap' },
      },
      join(dir, 'config.json'),
    );
    const app = await openApp(config, { log: createLogger({ level: 'silent' }) });
    const session = await openImap(options);
    const full = await measure(`followthru first sync (${count})`, count, async () => {
      await syncOnce(app, session, new Date('2026-11-16T13:30:00Z'));
    });
    await session.close();
    await app.close();
    return full;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A child's work: `floor` or `sync`, against the server in $BENCH_IMAP_SERVER. */
export async function runImapChild(mode: string, count: number, corpusDirs: string[]): Promise<Figure> {
  const options = JSON.parse(process.env.BENCH_IMAP_SERVER ?? '{}') as ServerOptions;
  return mode === 'floor' ? seedAndFloor(options, count, corpusDirs) : firstSync(options, count);
}

/** In the parent: one private Dovecot per size, and one fresh process for the floor and another for the sync,
 * so neither the seeding nor one size's heap inflates the sync's peak. */
export async function benchImap(count: number, corpusDirs: string[]): Promise<Figure[]> {
  const child = fileURLToPath(new URL('./imap-child.js', import.meta.url));
  const dovecot = await startDovecot();
  try {
    const env = { ...process.env, BENCH_IMAP_SERVER: JSON.stringify(imapOptionsOf(dovecot)) };
    const run = (mode: string): Figure => {
      const out = execFileSync(process.execPath, [child, mode, String(count), ...corpusDirs], {
        encoding: 'utf8',
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      });
      return JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as Figure;
    };
    return [run('floor'), run('sync')];
  } finally {
    await dovecot.stop();
  }
}
