// The shell of "Keep in touch": before a digest is composed, people gone quiet become items (rule
// `keep-in-touch`), so the digest's numbering and `snooze N` / `drop N` / `mute N` work on them like on any item.
// At most `maxPerDay` such suggestions are open at once; any mail either way resolves one (people/record.ts).
import type { StoreApp } from '../app.js';
import { insertItem, listItems, listOpenItemsConcerning, listPeopleStats, type Db } from '../store/index.js';
import { localDay } from '../calendar/index.js';
import type { NewItem } from '../types.js';
import { type GoneQuiet, goneQuiet } from './gone-quiet.js';
import { KEEP_IN_TOUCH_RULE } from './rule.js';
import { addressCounts } from './who-counts.js';

const YEAR_MS = 366 * 86_400_000;

/** The item a suggestion becomes. Pure. Its key (last mail, text) makes a dropped one stay dropped until new mail. */
export function keepInTouchItem(q: GoneQuiet, now: Date, timeZone: string): NewItem {
  const { person } = q;
  const who = person.name || person.address;
  const last = person.last;
  return {
    kind: 'promise',
    status: 'open',
    text: `Keep in touch with ${who}: no mail either way for ${q.silentDays} days (usually every ${Math.round(q.usualGapDays)})`,
    action: `write to ${who}`,
    due: { date: localDay(now, timeZone), at: null, text: 'gone quiet' },
    counterparties: [{ name: person.name, address: person.address }],
    messageId: last.messageId,
    threadId: last.threadId,
    subject: last.subject,
    sentAt: last.at,
    rule: KEEP_IN_TOUCH_RULE,
    confidence: 1,
    evidence: null,
    snoozedUntil: null,
    nudges: 0,
    clockStartedAt: last.at,
    rejectedEvidence: [],
  };
}

/** New suggestions for one account's people; how many were added. */
export async function suggestForAccount(
  db: Db,
  me: readonly string[],
  app: Pick<StoreApp, 'config'>,
  now: Date,
): Promise<number> {
  const o = app.config.keepInTouch;
  if (!o.enabled || o.maxPerDay <= 0) return 0;
  const open = (await listItems(db, { status: ['open', 'snoozed'] })).filter((i) => i.rule === KEEP_IN_TOUCH_RULE);
  let room = o.maxPerDay - open.length;
  if (room <= 0) return 0;
  const people = (await listPeopleStats(db, new Date(now.getTime() - YEAR_MS).toISOString())).filter((p) =>
    addressCounts(p.address, { me, excludeDomains: o.excludeDomains }),
  );
  let added = 0;
  for (const q of goneQuiet(people, { now, minExchanges: o.minExchanges, floorDays: o.floorDays })) {
    if (room <= 0) break;
    // An open item with them (a promise, a thread waiting) already covers them.
    if ((await listOpenItemsConcerning(db, { threadIds: [], people: [q.person.address] })).length > 0) continue;
    const { inserted } = await insertItem(db, keepInTouchItem(q, now, app.config.digest.timezone), now);
    if (!inserted) continue; // suggested before, and dropped or muted since: not again until new mail
    added++;
    room--;
  }
  return added;
}

/** Every account's new suggestions, in one transaction per account. */
export async function suggestKeepInTouch(app: Pick<StoreApp, 'config' | 'store' | 'log'>, now: Date): Promise<number> {
  let added = 0;
  for (const account of app.config.accounts) {
    const db = app.store.forAccount(account.id);
    added += await db.transaction((tx) => suggestForAccount(tx, account.me, app, now));
  }
  if (added > 0) app.log.info({ added }, 'people gone quiet: suggested under Keep in touch');
  return added;
}
