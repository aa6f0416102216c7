import { describe, expect, it } from 'vitest';
import { isMe } from '../../src/track/who.js';
import { ME } from './factory.js';

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
