import { describe, expect, it } from 'vitest';
import { digestMessageId, digestToken, tokenFromIds, verifyDigestToken } from '../../src/digest/token.js';

const SECRET = 'store-secret-0123456789';

describe('digest tokens', () => {
  it('round-trips: the token names its digest and verifies', () => {
    const token = digestToken(SECRET, 42);
    expect(verifyDigestToken(SECRET, token)).toBe(42);
    expect(tokenFromIds([null, digestMessageId(token, 'northwind.example')])).toBe(token);
  });
  it.each([
    ['another secret', (t: string) => verifyDigestToken('other-secret', t)],
    ['a changed id', (t: string) => verifyDigestToken(SECRET, t.replace(/^16x/, '17x'))],
    ['a changed mac', (t: string) => verifyDigestToken(SECRET, `${t.slice(0, -1)}${t.endsWith('0') ? '1' : '0'}`)],
    ['garbage', () => verifyDigestToken(SECRET, 'demo-token-1109')],
  ])('refuses %s', (_name, check) => {
    expect(check(digestToken(SECRET, 42))).toBeNull();
  });
});
