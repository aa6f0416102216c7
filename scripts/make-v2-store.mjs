// Writes a store with main's code as it was before accounts (schema v2), for test/store/account-migration.test.ts.
// Run against a build of that code: node scripts/make-v2-store.mjs <dist dir of the old build> <out.db>
// It reads sample/mailbox through the real ingest, then adds what ingest alone does not write: cursors, a sent
// digest with an applied command, a skip, a suppression, and one item marked done.
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [distArg, outArg] = process.argv.slice(2);
if (!distArg || !outArg) throw new Error('usage: node scripts/make-v2-store.mjs <dist> <out.db>');
const dist = resolve(distArg);
const out = resolve(outArg);
const load = (path) => import(pathToFileURL(`${dist}/src/${path}`).href);

const { loadConfig, parseConfig } = await load('config.js');
const { openApp } = await load('app.js');
const { ingestLocal } = await load('ingest/local.js');
const store = await load('store/index.js');
const { createLogger } = await load('log.js');

await rm(out, { force: true });
const sample = resolve(import.meta.dirname, '../sample');
const base = await loadConfig(`${sample}/config.json`, {});
const config = parseConfig(
  {
    me: base.me,
    timezone: base.timezone,
    logLevel: 'silent',
    store: { path: out },
    imap: { host: base.imap.host, user: base.imap.user, sentFolder: 'Sent' },
    digest: { deliver: 'imap' },
  },
  `${sample}/config.json`,
);
const app = await openApp(config, { log: createLogger({ level: 'silent' }) });
const now = new Date('2026-11-16T13:30:00Z');
const outcome = await ingestLocal(app.deps, app.context(now), [`${sample}/mailbox`]);
const db = app.store;
const items = await store.listItems(db);
if (items.length < 3) throw new Error(`expected sample items, got ${items.length}`);
await store.saveCursor(
  db,
  {
    folder: 'Sent',
    uidValidity: '3000000001',
    lastUid: 41,
    highestModseq: '18446744073709551000',
    resets: 1,
    parked: 2,
  },
  now,
);
await store.saveCursor(
  db,
  { folder: 'INBOX', uidValidity: '7', lastUid: 12, highestModseq: null, resets: 0, parked: 0 },
  now,
);
const digest = await store.createDigest(
  db,
  {
    token: 'fixture-token',
    messageId: '<digest-fixture@followthru>',
    forDay: '2026-11-16',
    entries: items.slice(0, 3).map((item, i) => ({ number: i + 1, itemId: item.id })),
  },
  now,
);
await store.markDigestSent(db, digest.id, now);
await store.markCommandApplied(db, digest.id, 'fixture:done:1', now);
await store.updateItem(db, items[0].id, { status: 'done' }, now);
await store.recordSkip(
  db,
  { origin: 'imap:Sent', messageKey: 'Sent:3000000001:40', reason: 'fixture: unparseable' },
  now,
);
await store.addSuppression(db, { rule: items[1].rule, phrase: items[1].text, itemId: items[1].id }, now);
await store.getOrCreateSecret(db);
await app.close();
process.stdout.write(`${out}: ${outcome.messages} mails, ${items.length} items\n`);
