import { describe, expect, it } from 'vitest';
import { identityWarning, missingIdentities, senderCounts } from '../../src/track/identity.js';

const froms = (spec: Record<string, number>) => Object.entries(spec).flatMap(([a, n]) => Array<string>(n).fill(a));

describe('missingIdentities', () => {
  it.each<[string, Record<string, number>, string[], string[]]>([
    [
      'the main sender is not in me',
      { 'sales@x.example': 8, 'dana@x.example': 2 },
      ['dana@x.example'],
      ['sales@x.example'],
    ],
    [
      'me covers it, plus-tags and case aside',
      { 'Dana+Work@X.example': 9, 'dana@x.example': 1 },
      ['dana@x.example'],
      [],
    ],
    ['a rare sender is not flagged', { 'dana@x.example': 9, 'boss@x.example': 1 }, ['dana@x.example'], []],
    ['two frequent aliases', { 'a@x.example': 5, 'b@x.example': 5 }, ['c@x.example'], ['a@x.example', 'b@x.example']],
    ['an empty Sent', {}, ['dana@x.example'], []],
  ])('%s', (_case, spec, me, expected) => {
    expect(missingIdentities(froms(spec), me).map((m) => m.address)).toEqual(expected);
  });

  it('ignores From lines without an address', () => {
    expect(senderCounts(['', 'undisclosed', 'a@x.example'])).toEqual([{ address: 'a@x.example', count: 1, share: 1 }]);
  });

  it('names each missing address with its count and the fix', () => {
    const warning = identityWarning(
      missingIdentities(froms({ 'sales@x.example': 8, 'dana@x.example': 2 }), ['dana@x.example']),
      10,
    );
    expect(warning).toMatch(
      /mail in Sent comes from sales@x\.example \(8 of 10\), which "me" does not list.* — fix: add "sales@x\.example" to "me"/,
    );
    expect(identityWarning([], 10)).toBeNull();
  });
});
