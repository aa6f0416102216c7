import { describe, expect, it } from 'vitest';
import { parseAll, rawKey, unreadable } from '../../src/ingest/parse-all.js';
import type { RawMessage } from '../../src/types.js';

const raw = (spec: Partial<RawMessage>): RawMessage => ({
  origin: 'file:a.eml',
  mailbox: 'local',
  bytes: Buffer.from(''),
  ...spec,
});

describe('rawKey', () => {
  it.each([
    ['a folder mail: its folder position', raw({ mailbox: 'Sent', uidValidity: '7', uid: 42 }), 'Sent:7:42'],
    ['a folder mail without uidValidity', raw({ mailbox: 'Sent', uid: 42 }), 'Sent::42'],
    ['a local file: its origin', raw({ mailbox: 'local' }), 'file:a.eml'],
  ])('%s', (_name, mail, key) => {
    expect(rawKey(mail)).toBe(key);
  });
});

describe('unreadable', () => {
  it('a mail above the fetch cap is not parsed, and says why', () => {
    expect(unreadable(raw({ tooLarge: 30_000_000 }))).toBe(
      'too large to read (30000000 bytes, above imap.maxMessageBytes)',
    );
  });

  it('any other mail is parsed', () => {
    expect(unreadable(raw({}))).toBeNull();
  });
});

describe('parseAll', () => {
  it('keeps the order, and turns a mail it cannot read into its reason', async () => {
    const mail = Buffer.from('From: a@x.example\r\nMessage-ID: <m1@x>\r\nSubject: hi\r\n\r\nHello\r\n');
    const parsed = await parseAll([raw({ bytes: mail }), raw({ tooLarge: 10 })]);
    expect('message' in parsed[0]! && parsed[0].message.messageId).toBe('m1@x');
    expect('error' in parsed[1]! && parsed[1].error).toMatch(/^too large/);
  });
});
