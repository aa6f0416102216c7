import { describe, expect, it } from 'vitest';
import { parseReplyCommands } from '../../src/commands/parse-reply.js';

/** Mon 16 Nov 2026 08:10 in Chicago. */
const NOW = new Date('2026-11-16T14:10:00Z');
const ZONE = 'America/Chicago';
const parse = (text: string) => parseReplyCommands(text, NOW, ZONE);

describe('parseReplyCommands', () => {
  it.each([
    ['done 2', [{ verb: 'done', numbers: [2] }]],
    ['Done 2, 3 and 5.', [{ verb: 'done', numbers: [2, 3, 5] }]],
    ['done 1-3', [{ verb: 'done', numbers: [1, 2, 3] }]],
    ['done #4', [{ verb: 'done', numbers: [4], hashed: [4] }]],
    ['done all', [{ verb: 'done', numbers: 'all' }]],
    ['drop 4', [{ verb: 'drop', numbers: [4] }]],
    ['not a promise 4', [{ verb: 'not-a-promise', numbers: [4] }]],
    ['Not promise 6', [{ verb: 'not-a-promise', numbers: [6] }]],
    ['reopen 5', [{ verb: 'reopen', numbers: [5] }]],
    ['- done 7', [{ verb: 'done', numbers: [7] }]],
    [
      'snooze 3 monday',
      [{ verb: 'snooze', numbers: [3], until: '2026-11-23T14:00:00.000Z', day: '2026-11-23', whenText: 'monday' }],
    ],
    [
      'snooze 3 until next week',
      [{ verb: 'snooze', numbers: [3], until: '2026-11-23T14:00:00.000Z', day: '2026-11-23', whenText: 'next week' }],
    ],
    [
      'snooze 2 3d',
      [{ verb: 'snooze', numbers: [2], until: '2026-11-19T14:00:00.000Z', day: '2026-11-19', whenText: '3d' }],
    ],
    [
      'snooze 2 2 weeks',
      [{ verb: 'snooze', numbers: [2], until: '2026-11-30T14:00:00.000Z', day: '2026-11-30', whenText: '2 weeks' }],
    ],
    ['due 2 friday', [{ verb: 'due', numbers: [2], due: { date: '2026-11-20', at: null, text: 'friday' } }]],
    [
      'done 2\nsnooze 3 monday\n\nThanks!',
      [
        { verb: 'done', numbers: [2] },
        { verb: 'snooze', numbers: [3], until: '2026-11-23T14:00:00.000Z', day: '2026-11-23', whenText: 'monday' },
      ],
    ],
  ])('%j', (text, commands) => {
    expect(parse(text)).toEqual(commands);
  });

  it.each([
    ['a greeting and sign-off', 'Hi,\n\nThanks!\nDana'],
    [
      'the quoted digest below the reply',
      'On Mon, Nov 16, 2026 at 7:30 AM followthru <dana@x.example> wrote:\n> done 2\n> not a promise 4',
    ],
    ['quoted lines only', '> done 1\n> drop 2'],
    ['prose that mentions done', 'I am done with this for today.'],
  ])('no commands from %s', (_name, text) => {
    expect(parse(text)).toEqual([]);
  });

  it('reads an interleaved reply: quoted lines never count, a bare "done" under a quoted item applies to it', () => {
    const reply =
      'On Mon, Nov 16 followthru wrote:\n> 1. "I\'ll send the quote Friday."\ndone\n> 2. "I\'ll call Ann."\n> drop 2\nsnooze 3 monday';
    expect(parse(reply)).toEqual([
      { verb: 'done', numbers: [1] },
      { verb: 'snooze', numbers: [3], until: '2026-11-23T14:00:00.000Z', day: '2026-11-23', whenText: 'monday' },
    ]);
  });

  it('stops where a client pasted the digest without quoting it', () => {
    expect(
      parse('done 1\n\n-----Original Message-----\nFrom: followthru <d@x.example>\n  done 2   you did it'),
    ).toEqual([{ verb: 'done', numbers: [1] }]);
  });

  it.each([
    ['"2 done"', '2 done', [{ verb: 'done', numbers: [2] }]],
    ['"2, 5 drop"', '2, 5 drop', [{ verb: 'drop', numbers: [2, 5] }]],
    [
      'a due time',
      'due 1 friday 3pm',
      [{ verb: 'due', numbers: [1], due: { date: '2026-11-20', at: '2026-11-20T15:00:00-06:00', text: 'friday 3pm' } }],
    ],
    [
      '"until dec 1"',
      'snooze 3 until dec 1',
      [{ verb: 'snooze', numbers: [3], until: '2026-12-01T14:00:00.000Z', day: '2026-12-01', whenText: 'dec 1' }],
    ],
  ])('%s', (_name, text, commands) => {
    expect(parse(text)).toEqual(commands);
  });

  it('a bare "done" closes the only item of a one-item digest, and otherwise asks which', () => {
    expect(parseReplyCommands('Done!', NOW, ZONE, 1)).toEqual([{ verb: 'done', numbers: [1] }]);
    expect(parseReplyCommands('done', NOW, ZONE, null)).toEqual([{ verb: 'unknown', text: 'done' }]);
  });

  it.each([['snooze 2 someday'], ['frobnicate 3']])('%j is reported as unknown', (text) => {
    expect(parse(text)).toEqual([{ verb: 'unknown', text }]);
  });
});
