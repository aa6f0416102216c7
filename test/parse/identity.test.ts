import { describe, expect, it } from 'vitest';
import {
  MAX_REFERENCES,
  messageIdList,
  normaliseMessageId,
  referenceList,
  stableId,
} from '../../src/parse/identity.js';

const parts = { from: 'a@x', to: 'b@x', date: '2026-11-10T15:14:00.000Z', subject: 'Hi', body: 'I will call.\n\nBye' };

describe('identity', () => {
  it.each([
    ['<Abc.1@X.example>', 'Abc.1@X.example'],
    ['  <abc@x>  ', 'abc@x'],
    ['abc@x', 'abc@x'],
    ['<abc@x> (added by a relay)', 'abc@x'],
    ['', null],
    ['<>', null],
    [undefined, null],
    [`<${'a'.repeat(2000)}@x>`, null],
  ])('normaliseMessageId(%j) is %j', (value, id) => expect(normaliseMessageId(value)).toBe(id));

  it.each([
    ['<a@x> <b@x>', ['a@x', 'b@x']],
    ['<a@x>\r\n <b@x> <a@x>', ['a@x', 'b@x']],
    [
      ['<a@x>', '<b@x>'],
      ['a@x', 'b@x'],
    ],
    ['a@x b@x', ['a@x', 'b@x']],
    [undefined, []],
  ])('messageIdList(%j) is %j, oldest first', (value, ids) => expect(messageIdList(value)).toEqual(ids));

  it('referenceList keeps the root and the newest ids of a References header that holds thousands', () => {
    const header = Array.from({ length: 41_000 }, (_, i) => `<${i}@e.x>`).join(' ');
    const ids = referenceList(header);
    expect(ids).toHaveLength(MAX_REFERENCES);
    expect(ids[0]).toBe('0@e.x');
    expect(ids.slice(1)).toEqual(
      Array.from({ length: MAX_REFERENCES - 1 }, (_, i) => `${41_000 - MAX_REFERENCES + 1 + i}@e.x`),
    );
    expect(referenceList('<a@x> <b@x>')).toEqual(['a@x', 'b@x']);
  });

  it('hashes stable parts, ignoring how the body was wrapped', () => {
    expect(stableId(parts)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stableId({ ...parts, body: 'I will   call.\r\nBye\n' })).toBe(stableId(parts));
    expect(stableId({ ...parts, subject: 'Re: Hi' })).not.toBe(stableId(parts));
    expect(stableId({ ...parts, from: 'a@xt', to: 'o@x' })).not.toBe(stableId({ ...parts, from: 'a@x', to: 'to@x' }));
  });
});
