import { describe, expect, it } from 'vitest';
import { isMe, otherParticipants } from '../../src/track/who.js';
import { BOB, CAROL, ME, message } from './factory.js';

describe('isMe', () => {
  it.each([
    ['ann@example.com'],
    ['ANN@Example.COM'], // case does not matter
    ['ann.lee@work.example'], // an alias
    ['ann+receipts@example.com'], // plus-addressing
    [' <ann@example.com> '],
  ])('%j is me', (address) => {
    expect(isMe(address, ME)).toBe(true);
    expect(isMe({ name: 'Ann', address }, ME)).toBe(true);
  });

  it.each([
    ['bob@client.example'],
    ['ann@example.org'], // same name, other domain
    ['anna@example.com'],
    ['ann.lee+x@example.com'], // the alias's local part on the main domain
    [''],
  ])('%j is not me', (address) => {
    expect(isMe(address, ME)).toBe(false);
  });
});

describe('otherParticipants', () => {
  it('lists everyone but me, once each, From first', () => {
    const mail = message({
      from: BOB,
      to: ['ann+x@example.com', CAROL],
      cc: ['Bob B <BOB@client.example>', 'ann.lee@work.example'],
      bcc: ['dave@client.example'],
    });
    expect(otherParticipants(mail, ME).map((a) => a.address)).toEqual([BOB, CAROL, 'dave@client.example']);
  });

  it('is empty for a note to myself', () => {
    expect(otherParticipants(message({ from: 'ann@example.com', to: ['ann+todo@example.com'] }), ME)).toEqual([]);
  });
});
