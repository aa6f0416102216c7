import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, isFromOwner } from '../../src/commands/owner.js';

const ME = ['dana@northwind.example'];
const a = (address: string, name = '') => ({ name, address });

describe('isFromOwner: the brief spoofs', () => {
  it.each([
    [
      'an address-looking display name over another address',
      '"dana@northwind.example" <evil@y.example>',
      [a('evil@y.example', 'dana@northwind.example')],
    ],
    ['the same, unquoted', 'dana@northwind.example <evil@y.example>', [a('evil@y.example', 'dana@northwind.example')]],
    [
      'two addresses, mine first',
      'dana@northwind.example, evil@y.example',
      [a('dana@northwind.example'), a('evil@y.example')],
    ],
    [
      'two addresses the parser merged into one',
      'dana@northwind.example, evil@y.example',
      [a('dana@northwind.example')],
    ],
    [
      'a group holding mine and another',
      'team: dana@northwind.example, evil@y.example;',
      [a('dana@northwind.example'), a('evil@y.example')],
    ],
    [
      'a B-encoded name the parser left undecoded',
      '=?utf-8?b?ZGFuYUBub3J0aHdpbmQuZXhhbXBsZQ==?= <evil@y.example>',
      [a('evil@y.example', '=?utf-8?b?ZGFuYUBub3J0aHdpbmQuZXhhbXBsZQ==?=')],
    ],
    [
      'a Q-encoded name hiding my address, parser output mine',
      '=?utf-8?q?dana=40northwind.example?= <dana@northwind.example>',
      [a('dana@northwind.example', 'dana')],
    ],
    [
      'an encoded "<" that makes a second address',
      '=?utf-8?q?Dana_=3Cdana=40northwind.example=3E?= <evil@y.example>',
      [a('dana@northwind.example')],
    ],
    ['a parser answer the raw header does not hold', 'Evil <evil@y.example>', [a('dana@northwind.example', 'Evil')]],
    [
      'my address as the name, plus another in a comment',
      '"dana@northwind.example" <dana@northwind.example> (evil@y.example)',
      [a('dana@northwind.example', 'dana@northwind.example')],
    ],
    [
      'my address as the name, the parser reporting another name',
      '"dana@northwind.example" <dana@northwind.example>',
      [a('dana@northwind.example', 'evil@y.example')],
    ],
    ['a comment holding another address', 'dana@northwind.example (evil@y.example)', [a('dana@northwind.example')]],
    ['a source route', '<@y.example:dana@northwind.example>', [a('dana@northwind.example')]],
    ['a malformed address', 'dana@northwind', [a('dana@northwind')]],
    ['an empty raw header', '', [a('dana@northwind.example')]],
    ['no parsed address', 'dana@northwind.example', []],
  ])('refuses %s', (_name, raw, from) => {
    expect(isFromOwner(raw, from, ME)).toBe(false);
  });

  it.each([
    ['case differences in the header', 'DANA@NORTHWIND.EXAMPLE', [a('DANA@NORTHWIND.EXAMPLE')]],
    ['case differences in me', 'dana@northwind.example', [a('dana@northwind.example')], ['Dana@Northwind.Example']],
    [
      'an encoded display name that is only a name',
      '=?utf-8?q?Dana_Re=C3=BFes?= <dana@northwind.example>',
      [a('dana@northwind.example', 'Dana Reÿes')],
    ],
    ['a folded header', 'Dana Reyes\r\n <dana@northwind.example>', [a('dana@northwind.example', 'Dana Reyes')]],
    [
      'the address as its own display name',
      '"dana@northwind.example" <dana@northwind.example>',
      [a('dana@northwind.example', 'dana@northwind.example')],
    ],
    [
      'the same, as mailparser reports it (no name)',
      '"dana@northwind.example" <dana@northwind.example>',
      [a('dana@northwind.example')],
    ],
    [
      'the same, unquoted and in another case',
      'Dana@Northwind.Example <dana@northwind.example>',
      [a('dana@northwind.example', 'Dana@Northwind.Example')],
    ],
    [
      'the same, Q-encoded',
      '=?utf-8?q?dana=40northwind.example?= <dana@northwind.example>',
      [a('dana@northwind.example', 'dana@northwind.example')],
    ],
  ])('accepts %s', (_name, raw, from, me = ME) => {
    expect(isFromOwner(raw, from, me)).toBe(true);
  });
});

describe('decodeEncodedWords', () => {
  it.each([
    ['=?utf-8?b?ZGFuYUBub3J0aHdpbmQuZXhhbXBsZQ==?=', 'dana@northwind.example'],
    ['=?ISO-8859-1?Q?a=40b_c?=', 'a@b c'],
    ['plain <x@y.example>', 'plain <x@y.example>'],
  ])('%s → %s', (raw, text) => {
    expect(decodeEncodedWords(raw)).toBe(text);
  });
});
