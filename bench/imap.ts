// IMAP figures against a private Dovecot, one child process per mailbox size (so each peak RSS is its own): the
// floor (a bare fetch of every mail in batches of 100, each batch through bare mailparser, nothing kept) and a
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
  return bodies.length ? bodies : [{ subject: 'Quote', body: "Hi,\n\nI'll send you the revised quote by Friday.\n\nDana" }];
}

function mail(n: number, corpus: { subject: string; body: string }[]): Buffer {
  const { subject, body } = corpus[n % corpus.length] as { subject: string; body: string };
  const day = String(1 + (n % 28)).padStart(2, '0');
  return Buffer.from(`From: Dana <dana@northwind.example>\r\nTo: Client ${n} <c${n}@x.example>\r\nSubject: ${subject}\r\nDate: Mon, ${day} Oct 2026 09:00:00 -0500\r\nMessage-ID: <bench-${n}@northwind.example>\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n${body}\r\n`, 'latin1');
}

/** In the child: seed a Dovecot with `count` mails, then measure the floor and the first sync. */
export async function runImapChild(count: number, corpusDirs: string[]): Promise<Figure[]> {
  const corpus = corpusBodies(corpusDirs);
  const dovecot = await startDovecot();
  const dir = await mkdtemp(join(tmpdir(), 'followthru-bench-imap-'));
  try {
    const options = imapOptionsOf(dovecot);
    const seed = await openImap(options);
    for (let n = 0; n < count; n++) await seed.append('Sent', mail(n, corpus), ['\\Seen']);
    const floor = await measure(`floor: bare fetch + bare mailparser (${count})`, count, async () => {
      const pending = await seed.listPending('Sent', { afterUid: 0 });
      for (const batch of chunk(pending, 100)) {
        for (const raw of await seed.fetchSources('Sent', batch.map((p) => p.uid))) await parseBare(raw);
      }
    });
    await seed.close();
    const config = parseConfig(
      { me: [dovecot.user, 'dana@northwind.example'], timezone: 'America/Chicago', backfillDays: 3650, store: { path: join(dir, 'bench.db') }, imap: { ...options, user: dovecot.user }, digest: { deliver: 'imap' } },
      join(dir, 'config.json'),
    );
    const app = await openApp(config, { log: createLogger({ level: 'silent' }) });
    const session = await openImap(options);
    const full = await measure(`followthru first sync (${count})`, count, async () => {
      await syncOnce(app, session, new Date('2026-11-16T13:30:00Z'));
    });
    await session.close();
    await app.close();
    return [floor, full];
  } finally {
    await dovecot.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** In the parent: one fresh process per size, so one size's heap never inflates the next one's peak. */
export function benchImap(count: number, corpusDirs: string[]): Figure[] {
  const child = fileURLToPath(new URL('./imap-child.js', import.meta.url));
  const out = execFileSync(process.execPath, [child, String(count), ...corpusDirs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as Figure[];
}
