import { describe, expect, it } from 'vitest';
import {
  findMessageByMessageId,
  getMessage,
  hasMessage,
  isSkipped,
  listSkips,
  listThreadMessages,
  messageRow,
  recordSkip,
  saveMessage,
} from '../../src/store/index.js';
import type { Message } from '../../src/types.js';
import { sampleMessage, tempStore } from './helpers.js';

describe('messages', () => {
  it('round-trips every field', async () => {
    const { store } = await tempStore();
    const message = sampleMessage({
      cc: [{ name: '', address: 'bob@example.com' }],
      references: ['r1', 'r2'],
    });
    expect(await saveMessage(store, message)).toBe(true);
    expect(await getMessage(store, message.id)).toEqual(message);
    expect(await hasMessage(store, message.id)).toBe(true);
    expect(await findMessageByMessageId(store, 'abc@mail.example.com')).toEqual(message);
  });

  it.each([
    ['the same mail twice', {}],
    ['under a new UID after a reset, seen later', { seenAt: '2024-05-01T00:00:00.000Z' }],
    ['in another folder', { folder: 'Archive' }],
  ])('keeps one row for %s', async (_case, again) => {
    const { store } = await tempStore();
    expect(await saveMessage(store, sampleMessage())).toBe(true);
    expect(await saveMessage(store, sampleMessage(again))).toBe(false);
    expect(await store.all('SELECT id FROM messages')).toHaveLength(1);
    expect((await getMessage(store, 'abc@mail.example.com'))?.folder).toBe('Sent');
  });

  it('lists a thread oldest first, undated last', async () => {
    const { store } = await tempStore();
    await saveMessage(store, sampleMessage({ id: 'b', sentAt: '2024-03-05T00:00:00.000Z' }));
    await saveMessage(store, sampleMessage({ id: 'c', sentAt: null }));
    await saveMessage(store, sampleMessage({ id: 'a', sentAt: '2024-03-04T00:00:00.000Z' }));
    await saveMessage(store, sampleMessage({ id: 'other', threadId: 'elsewhere' }));
    const thread = await listThreadMessages(store, 'abc@mail.example.com');
    expect(thread.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('builds a row from a parsed Message', () => {
    const message = {
      id: 'x@y',
      messageId: 'x@y',
      inReplyTo: null,
      references: [],
      from: [],
      to: [],
      cc: [],
      subject: 's',
      date: new Date('2024-01-02T03:04:05Z'),
      attachments: [
        { filename: 'a.pdf', contentType: 'application/pdf', size: 1 },
        { filename: null, contentType: 'image/png', size: 2 },
      ],
    } as unknown as Message;
    const row = messageRow(message, {
      threadId: 't',
      folder: 'Sent',
      direction: 'sent',
      seenAt: new Date(0),
    });
    expect(row).toMatchObject({ sentAt: '2024-01-02T03:04:05.000Z', attachments: ['a.pdf'], threadId: 't' });
  });
});

describe('skipped', () => {
  it('records a key once', async () => {
    const { store } = await tempStore();
    const skip = { origin: 'imap:Sent', messageKey: 'Sent:1:5', reason: 'EPARSE: bad MIME' };
    expect(await recordSkip(store, skip, new Date('2024-01-01T00:00:00Z'))).toBe(true);
    expect(await recordSkip(store, { ...skip, reason: 'again' })).toBe(false);
    expect(await isSkipped(store, 'Sent:1:5')).toBe(true);
    expect(await listSkips(store)).toEqual([{ ...skip, account: 'default', skippedAt: '2024-01-01T00:00:00.000Z' }]);
  });
});

describe('messages, negative cases', () => {
  it('reports an unknown id as absent', async () => {
    const { store } = await tempStore();
    expect(await hasMessage(store, 'nope')).toBe(false);
    expect(await getMessage(store, 'nope')).toBeNull();
    expect(await isSkipped(store, 'nope')).toBe(false);
  });

  it('still throws on a CHECK failure instead of ignoring it', async () => {
    const { store } = await tempStore();
    const bad = sampleMessage({ direction: 'sideways' as 'sent' });
    await expect(saveMessage(store, bad)).rejects.toMatchObject({ code: 'ESTORE', message: /CHECK/ });
  });
});
