// Item numbers: never taken from a date phrase, never looped over when absurdly large (issue 10, items 3 and 6).
import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/commands/apply.js';
import { parseReplyCommands } from '../../src/commands/parse-reply.js';
import { item } from '../digest/factory.js';

/** Mon 16 Nov 2026 08:10 in Chicago. */
const NOW = new Date('2026-11-16T14:10:00Z');
const ZONE = 'America/Chicago';
const parse = (text: string) => parseReplyCommands(text, NOW, ZONE);
const at8 = (day: string) => ({ until: `${day}T14:00:00.000Z`, day });

describe('parseReplyCommands: numbers inside a date phrase are never item numbers', () => {
  it.each([
    ['snooze 1 3rd december', { verb: 'snooze', numbers: [1], ...at8('2026-12-03'), whenText: '3rd december' }],
    ['snooze 1 3 december', { verb: 'snooze', numbers: [1], ...at8('2026-12-03'), whenText: '3 december' }],
    ['snooze 1, 2 4th dec', { verb: 'snooze', numbers: [1, 2], ...at8('2026-12-04'), whenText: '4th dec' }],
    ['snooze 2 for 3 days', { verb: 'snooze', numbers: [2], ...at8('2026-11-19'), whenText: '3 days' }],
    ['snooze 2 3d', { verb: 'snooze', numbers: [2], ...at8('2026-11-19'), whenText: '3d' }],
    ['due 1 4th december', { verb: 'due', numbers: [1], due: { date: '2026-12-04', at: null, text: '4th december' } }],
    ['due 1 4 december', { verb: 'due', numbers: [1], due: { date: '2026-12-04', at: null, text: '4 december' } }],
    ['due 1 december 4', { verb: 'due', numbers: [1], due: { date: '2026-12-04', at: null, text: 'december 4' } }],
    ['snooze 1 december 4th', { verb: 'snooze', numbers: [1], ...at8('2026-12-04'), whenText: 'december 4th' }],
    ['due 2 12/4', { verb: 'due', numbers: [2], due: { date: '2026-12-04', at: null, text: '12/4' } }],
    [
      'due 1 3pm',
      { verb: 'due', numbers: [1], due: { date: '2026-11-16', at: '2026-11-16T15:00:00-06:00', text: '3pm' } },
    ],
  ])('%j', (text, command) => {
    expect(parse(text)).toEqual([command]);
  });
});

describe('parseReplyCommands: numbers no digest can have', () => {
  it.each([
    ['done 9007199254740993'],
    ['done 99999999999999999999'],
    ['drop 1, 99999999999999999999'],
    ['snooze 99999999999999999999 monday'],
    ['done 9007199254740990-9007199254740993'],
  ])('%j is "no such item", at once', (text) => {
    expect(parse(text)).toEqual([{ verb: 'unknown', text, reason: 'no such item' }]);
  });

  it('a range wider than a digest is its first number only, and a huge snooze span is not understood', () => {
    expect(parse('done 3-100000')).toEqual([{ verb: 'done', numbers: [3] }]);
    expect(parse('snooze 2 99999999999d')).toEqual([{ verb: 'unknown', text: 'snooze 2 99999999999d' }]);
  });

  it('reports the huge number as no such item in the confirmation', () => {
    const { changes, results } = applyCommands(
      parse('done 9007199254740993'),
      [{ number: 1, itemId: 1 }],
      new Map([[1, item({ id: 1 })]]),
      NOW,
    );
    expect(changes).toEqual([]);
    expect(results).toEqual(['done 9007199254740993: no such item']);
  });
});
