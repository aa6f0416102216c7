// Keep in touch through a real SQLite store: people recorded from mail, suggestions made, resolved, muted.
import { describe, expect, it } from 'vitest';
import { recordPeople } from '../../src/people/record.js';
import { suggestForAccount } from '../../src/people/suggest.js';
import { listItems, muteItemPeople, saveMessage, scopeTo, updateItem } from '../../src/store/index.js';
import type { Message } from '../../src/types.js';
import { sampleMessage, tempStore } from '../store/helpers.js';

const now = new Date('2026-11-16T13:30:00Z');
const me = ['dana@reyes.example'];
const config = {
  keepInTouch: { enabled: true, minExchanges: 3, floorDays: 14, maxPerDay: 3, excludeDomains: ['reyes.example'] },
  digest: { timezone: 'America/Chicago' },
} as never;

function mail(
  id: string,
  at: string,
  to: string,
  headers: Record<string, string> = {},
  direction: 'sent' | 'received' = 'sent',
): Message {
  const other = { name: to.split('@')[0] ?? '', address: to };
  const mine = { name: 'Dana', address: me[0] ?? '' };
  return {
    id,
    messageId: id,
    inReplyTo: null,
    references: [],
    from: direction === 'sent' ? [mine] : [other],
    to: direction === 'sent' ? [other] : [mine],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: `About ${id}`,
    date: new Date(at),
    tzOffsetMinutes: 0,
    headers,
    text: '',
    newText: '',
    attachments: [],
    size: 1,
  };
}

async function ingest(db: ReturnType<typeof scopeTo>, m: Message, direction: 'sent' | 'received' = 'sent') {
  await saveMessage(
    db,
    sampleMessage({ id: m.id, messageId: m.id, threadId: m.id, direction, sentAt: m.date?.toISOString() ?? null }),
  );
  await recordPeople(db, m, { direction, threadId: m.id, me, now: m.date ?? now });
}

describe('keep in touch', () => {
  it('suggests people gone quiet, never list mail or the own company; mail resolves; mute keeps them out', async () => {
    const { store } = await tempStore();
    const db = scopeTo(store, 'default');
    for (const [i, day] of ['2026-08-03', '2026-08-10', '2026-08-17', '2026-08-24'].entries()) {
      await ingest(db, mail(`laura${i}`, `${day}T15:00:00Z`, 'laura.chen@harbor.example'));
      await ingest(db, mail(`tom${i}`, `${day}T16:00:00Z`, 'tom@okafor.example'));
      await ingest(db, mail(`boss${i}`, `${day}T16:00:00Z`, 'boss@reyes.example'));
      await ingest(
        db,
        mail(`list${i}`, `${day}T16:00:00Z`, 'news@saas.example', { 'list-id': '<n.saas.example>' }),
        'received',
      );
    }
    // The user writes to the list too, but it once sent list mail: never a person.
    for (const [i, day] of ['2026-08-04', '2026-08-11', '2026-08-18'].entries())
      await ingest(db, mail(`tolist${i}`, `${day}T10:00:00Z`, 'news@saas.example'));
    expect(await suggestForAccount(db, me, { config }, now)).toBe(2);
    const items = await listItems(db, { status: ['open'] });
    expect(items.map((i) => i.counterparties[0]?.address).sort()).toEqual([
      'laura.chen@harbor.example',
      'tom@okafor.example',
    ]);
    expect(items.every((i) => i.rule === 'keep-in-touch')).toBe(true);
    // Again the same day: nothing doubles.
    expect(await suggestForAccount(db, me, { config }, now)).toBe(0);

    // A mail from Laura resolves hers.
    await ingest(
      db,
      mail('laura-back', '2026-11-16T15:00:00Z', 'laura.chen@harbor.example', {}, 'received'),
      'received',
    );
    const open = await listItems(db, { status: ['open'] });
    expect(open.map((i) => i.counterparties[0]?.address)).toEqual(['tom@okafor.example']);

    // Mute Tom: dropped, and never suggested again.
    const tom = open[0];
    if (!tom) throw new Error('no item');
    await updateItem(db, tom.id, { ...tom, status: 'dropped' }, now);
    await muteItemPeople(db, tom);
    const later = new Date('2027-01-20T13:30:00Z');
    // Two months on, Laura has gone quiet again (a new suggestion); Tom, muted, never comes back.
    expect(await suggestForAccount(db, me, { config }, later)).toBe(1);
    const again = await listItems(db, { status: ['open'] });
    expect(again.map((i) => i.counterparties[0]?.address)).toEqual(['laura.chen@harbor.example']);
  });
});
