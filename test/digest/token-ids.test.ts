import { describe, expect, it } from 'vitest';
import { digestMessageId, digestToken, tokenFromIds, verifyDigestToken } from '../../src/digest/token.js';

const SECRET = 'store-secret-0123456789';
const token = digestToken(SECRET, 7);
const ours = digestMessageId(token, 'northwind.example');

describe('digestToken', () => {
  it('is short, header-safe and deterministic', () => {
    expect(token).toMatch(/^[0-9a-z]{1,8}x[0-9a-f]{24}$/);
    expect(digestToken(SECRET, 7)).toBe(token);
  });
  it.each([[1], [42], [99_999], [2 ** 31]])('round-trips digest %i', (id) => {
    expect(verifyDigestToken(SECRET, digestToken(SECRET, id))).toBe(id);
  });
  it('differs per digest and per secret', () => {
    expect(new Set([digestToken(SECRET, 1), digestToken(SECRET, 2), digestToken('other', 1)]).size).toBe(3);
  });
  it.each([[''], ['x'], [`${token}0`], [token.toUpperCase()], [`7x${'0'.repeat(24)}`], ['zzzzzzzzzzzzzzzzzzzzzzzzx0']])(
    'refuses %j',
    (forged) => {
      expect(verifyDigestToken(SECRET, forged)).toBeNull();
    },
  );
});

describe('digestMessageId and tokenFromIds', () => {
  it('puts the token in a Message-ID of our own shape (angle brackets are added when sending)', () => {
    expect(ours).toBe(`followthru.${token}@northwind.example`);
  });
  it.each([
    ['In-Reply-To alone', [ours]],
    ['after other ids, skipping nulls', [null, 'CAF=abc@mail.gmail.com', ours]],
    ['the first of two of ours', [ours, digestMessageId(digestToken(SECRET, 8), 'northwind.example')]],
  ])('finds it in %s', (_name, ids) => {
    expect(tokenFromIds(ids)).toBe(token);
  });
  it.each([
    ['no ids', []],
    ['only foreign ids', ['abc@mail.gmail.com', null]],
    ['a lookalike prefix', [`xfollowthru.${token}@northwind.example`]],
    ['a confirmation id', ['followthru-confirm.0a1b2c3d@northwind.example']],
    ['a malformed token', ['followthru.demo-token-1109@northwind.example']],
  ])('finds none in %s', (_name, ids) => {
    expect(tokenFromIds(ids)).toBeNull();
  });
});
