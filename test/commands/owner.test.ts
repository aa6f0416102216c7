import { describe, expect, it } from 'vitest';
import { isFromOwner } from '../../src/commands/owner.js';

const ME = ['dana@northwind.example', 'd.reyes@northwind.example'];
const a = (address: string, name = '') => ({ name, address });

describe('isFromOwner', () => {
  it.each([
    ['the plain address', 'dana@northwind.example', [a('dana@northwind.example')]],
    ['with a display name', 'Dana Reyes <dana@northwind.example>', [a('dana@northwind.example', 'Dana Reyes')]],
    ['an alias in me', '<d.reyes@northwind.example>', [a('d.reyes@northwind.example')]],
    ['in other case', 'Dana <DANA@Northwind.example>', [a('DANA@Northwind.example', 'Dana')]],
    ['with a comment', 'dana@northwind.example (Dana Reyes)', [a('dana@northwind.example', 'Dana Reyes')]],
  ])('accepts %s', (_name, raw, from) => expect(isFromOwner(raw, from, ME)).toBe(true));

  it.each([
    ['a stranger', 'Mallory <m@evil.example>', [a('m@evil.example', 'Mallory')]],
    [
      'my address as the display name of another',
      '"dana@northwind.example" <m@evil.example>',
      [a('m@evil.example', 'dana@northwind.example')],
    ],
    ['two addresses', 'dana@northwind.example, m@evil.example', [a('dana@northwind.example'), a('m@evil.example')]],
    [
      'an encoded display name hiding an address',
      '=?utf-8?b?ZGFuYUBub3J0aHdpbmQuZXhhbXBsZSA8?= <m@evil.example>',
      [a('m@evil.example', 'dana@northwind.example <')],
    ],
    ['no From at all', undefined, []],
    ['my address hidden in a comment', '(dana@northwind.example) <m@evil.example>', [a('m@evil.example')]],
    ['a lookalike domain', 'dana@northwind.example.evil.example', [a('dana@northwind.example.evil.example')]],
  ])('refuses %s', (_name, raw, from) => expect(isFromOwner(raw, from, ME)).toBe(false));
});
