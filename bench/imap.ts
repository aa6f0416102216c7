// IMAP figures against a private Dovecot: a bare fetch of every mail (the floor) vs a full followthru sync
// (fetch, parse, extract, track, store) of the same mailbox, and peak memory, which must not grow with it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
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

export async function benchImap(count: number, corpusDirs: string[]): Promise<Figure[]> {
  const corpus = corpusBodies(corpusDirs);
  const dovecot = await startDovecot();
  const dir = await mkdtemp(join(tmpdir(), 'followthru-bench-imap-'));
  try {
    const options = imapOptionsOf(dovecot);
    const seed = await openImap(options);
    for (let n = 0; n < count; n++) await seed.append('Sent', mail(n, corpus), ['\\Seen']);
    const bare = await measure(`bare IMAP fetch (${count} mails, batches of 100)`, count, async () => {
      const pending = await seed.listPending('Sent', { afterUid: 0 });
      for (const batch of chunk(pending, 100)) await seed.fetchSources('Sent', batch.map((p) => p.uid));
    });
    await seed.close();
    const config = parseConfig(
      { me: [dovecot.user, 'dana@northwind.example'], timezone: 'America/Chicago', backfillDays: 3650, store: { path: join(dir, 'bench.db') }, imap: { ...options, user: dovecot.user }, digest: { deliver: 'imap' } },
      join(dir, 'config.json'),
    );
    const app = await openApp(config, { log: createLogger({ level: 'silent' }) });
    const session = await openImap(options);
    const full = await measure(`followthru sync (${count} mails, first run)`, count, async () => {
      await syncOnce(app, session, new Date('2026-11-16T13:30:00Z'));
    });
    await session.close();
    await app.close();
    return [bare, full];
  } finally {
    await dovecot.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
