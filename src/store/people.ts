// People the user exchanges mail with (see people/), per account: one row per person, one per person and mail.
import type { PersonStats } from '../people/gone-quiet.js';
import { KEEP_IN_TOUCH_RULE } from '../people/rule.js';
import { allInChunks, MAX_LIST_VARIABLES } from './chunked.js';
import type { Db } from './db.js';
import { canonicalAddress } from '../track/who.js';
import type { TrackedItem } from '../types.js';
import { mailboxOf, scopeTo } from './scope.js';

export interface PersonMail {
  /** canonicalAddress */
  address: string;
  name: string;
  /** messages.id */
  messageId: string;
  direction: 'sent' | 'received';
  /** ISO instant. */
  at: string;
  subject: string;
  threadId: string;
}

export interface StoredPerson {
  account: string;
  address: string;
  name: string;
  firstSentAt: string | null;
  lastSentAt: string | null;
  firstReceivedAt: string | null;
  lastReceivedAt: string | null;
  exchanges: number;
  bulk: boolean;
  muted: boolean;
}

/** One mail with one person: the person row is made or brought up to date. Seeing the same mail again is a no-op. */
export async function recordPersonMail(db: Db, mail: PersonMail): Promise<void> {
  const account = mailboxOf(db);
  const { changes } = await db.run(
    `INSERT OR IGNORE INTO person_mails (account, address, message_id, direction, day, at, name, subject, thread_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      account,
      mail.address,
      mail.messageId,
      mail.direction,
      mail.at.slice(0, 10),
      mail.at,
      mail.name,
      mail.subject,
      mail.threadId,
    ],
  );
  if (changes === 0) return;
  const [first, last] =
    mail.direction === 'sent' ? ['first_sent_at', 'last_sent_at'] : ['first_received_at', 'last_received_at'];
  await db.run(
    `INSERT INTO people (account, address, name, ${first}, ${last}) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account, address) DO UPDATE SET
       name = CASE WHEN excluded.name != '' THEN excluded.name ELSE people.name END,
       ${first} = min(coalesce(people.${first}, excluded.${first}), excluded.${first}),
       ${last} = max(coalesce(people.${last}, excluded.${last}), excluded.${last})`,
    [account, mail.address, mail.name, mail.at, mail.at],
  );
}

/** List, bulk or automated mail came from this address: it never makes a person. */
export async function markBulk(db: Db, address: string): Promise<void> {
  await db.run(
    `INSERT INTO people (account, address, bulk) VALUES (?, ?, 1) ON CONFLICT (account, address) DO UPDATE SET bulk = 1`,
    [mailboxOf(db), address],
  );
}

/** "mute N": never suggest keeping in touch with these people again. */
export async function mutePeople(db: Db, addresses: readonly string[]): Promise<void> {
  for (const address of addresses)
    await db.run(
      `INSERT INTO people (account, address, muted) VALUES (?, ?, 1) ON CONFLICT (account, address) DO UPDATE SET muted = 1`,
      [mailboxOf(db), address],
    );
}

/** "mute N" on a Keep in touch line: its people, in the item's own account. */
export async function muteItemPeople(db: Db, item: Pick<TrackedItem, 'account' | 'counterparties'>): Promise<void> {
  await mutePeople(
    scopeTo(db, item.account),
    item.counterparties.map((a) => canonicalAddress(a.address)),
  );
}

/** Any mail either way resolves an open "Keep in touch" suggestion for its people. The ids it closed, so the
 * caller's live copy of open items drops them too. */
export async function resolveKeepInTouch(db: Db, addresses: readonly string[], now: Date): Promise<number[]> {
  const rows = await allInChunks<{ id: number }>(
    db,
    addresses,
    (placeholders) =>
      `UPDATE items SET status = 'answered', snoozed_until = NULL, updated_at = ?
       WHERE account = ? AND rule = ? AND status IN ('open', 'snoozed')
         AND id IN (SELECT item_id FROM item_people WHERE address IN (${placeholders}))
       RETURNING id`,
    MAX_LIST_VARIABLES,
    [now.toISOString(), mailboxOf(db), KEEP_IN_TOUCH_RULE],
  );
  return rows.map((r) => r.id);
}

interface MailRow {
  address: string;
  name: string;
  direction: 'sent' | 'received';
  day: string;
  at: string;
  subject: string;
  message_id: string;
  thread_id: string;
}

/** Every person of the account that is neither bulk nor muted, with their mail days since `since` (ISO). */
export async function listPeopleStats(db: Db, since: string): Promise<PersonStats[]> {
  const rows = await db.all<MailRow & { pname: string }>(
    `SELECT pm.address, p.name AS pname, pm.direction, pm.day, pm.at, pm.subject, pm.message_id, pm.thread_id, pm.name
     FROM person_mails pm JOIN people p ON p.account = pm.account AND p.address = pm.address
     WHERE pm.account = ? AND pm.at >= ? AND p.bulk = 0 AND p.muted = 0 ORDER BY pm.address, pm.at`,
    [mailboxOf(db), since],
  );
  const byAddress = new Map<string, PersonStats & { sentDays: string[]; days: string[] }>();
  for (const row of rows) {
    const last = { subject: row.subject, at: row.at, messageId: row.message_id, threadId: row.thread_id };
    let person = byAddress.get(row.address);
    if (!person)
      byAddress.set(row.address, (person = { address: row.address, name: row.pname, sentDays: [], days: [], last }));
    person.last = last;
    if (person.days.at(-1) !== row.day) person.days.push(row.day);
    if (row.direction === 'sent' && person.sentDays.at(-1) !== row.day) person.sentDays.push(row.day);
  }
  return [...byAddress.values()];
}

interface PersonRow {
  account: string;
  address: string;
  name: string;
  first_sent_at: string | null;
  last_sent_at: string | null;
  first_received_at: string | null;
  last_received_at: string | null;
  exchanges: number;
  bulk: number;
  muted: number;
}

/** People of the handle's account (every account on the store itself), most exchanges first. */
export async function listPeople(db: Db): Promise<StoredPerson[]> {
  const rows = await db.all<PersonRow>(
    `SELECT p.*, (SELECT count(DISTINCT day) FROM person_mails pm WHERE pm.account = p.account AND pm.address = p.address) AS exchanges
     FROM people p ${db.account === null ? '' : 'WHERE p.account = ?'} ORDER BY exchanges DESC, p.address`,
    db.account === null ? [] : [db.account],
  );
  return rows.map((r) => ({
    account: r.account,
    address: r.address,
    name: r.name,
    firstSentAt: r.first_sent_at,
    lastSentAt: r.last_sent_at,
    firstReceivedAt: r.first_received_at,
    lastReceivedAt: r.last_received_at,
    exchanges: r.exchanges,
    bulk: r.bulk === 1,
    muted: r.muted === 1,
  }));
}
