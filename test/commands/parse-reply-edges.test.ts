import { describe, expect, it } from 'vitest';
import { parseReplyCommands } from '../../src/commands/parse-reply.js';
import { composeDigest } from '../../src/digest/compose.js';
import { renderText } from '../../src/digest/render-text.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import { item } from '../digest/factory.js';

/** Mon 16 Nov 2026 08:10 in Chicago. */
const NOW = new Date('2026-11-16T14:10:00Z');
const ZONE = 'America/Chicago';
const parse = (text: string, now = NOW) => parseReplyCommands(text, now, ZONE);
const MONDAY_8AM = '2026-11-23T14:00:00.000Z';

const digest = composeDigest(
  [
    item({ due: { date: '2026-11-13', at: null, text: 'Friday' } }),
    item({ kind: 'asked-of-you', text: 'Could you send the W-9?' }),
  ],
  {
    now: new Date('2026-11-16T13:30:00Z'),
    timeZone: ZONE,
    holidays: [],
    lastDigestAt: null,
    maxItems: 25,
    quiet: true,
    cadence: DEFAULT_CADENCE,
  },
);
const digestText = digest ? renderText(digest) : '';
const quoted = digestText
  .split('\n')
  .map((l) => `> ${l}`)
  .join('\n');
const attribution = 'On Mon, Nov 16, 2026 at 7:30 AM followthru <dana@northwind.example> wrote:';

describe('parseReplyCommands: more of the grammar', () => {
  it.each([
    ['DONE 3', [{ verb: 'done', numbers: [3] }]],
    ['done 2 and 4', [{ verb: 'done', numbers: [2, 4] }]],
    ['done 2,3', [{ verb: 'done', numbers: [2, 3] }]],
    ['* done 2', [{ verb: 'done', numbers: [2] }]],
    ['• reopen 5!', [{ verb: 'reopen', numbers: [5] }]],
    ['  Drop 4.  ', [{ verb: 'drop', numbers: [4] }]],
    ['Not a promise 4.', [{ verb: 'not-a-promise', numbers: [4] }]],
    ['done 2 - thanks!', [{ verb: 'done', numbers: [2] }]],
    ['drop all', [{ verb: 'drop', numbers: 'all' }]],
    [
      'Snooze 3 until Monday.',
      [{ verb: 'snooze', numbers: [3], until: MONDAY_8AM, day: '2026-11-23', whenText: 'monday' }],
    ],
    ['snooze 2 1 week', [{ verb: 'snooze', numbers: [2], until: MONDAY_8AM, day: '2026-11-23', whenText: '1 week' }]],
    [
      'snooze 2, 3 monday',
      [{ verb: 'snooze', numbers: [2, 3], until: MONDAY_8AM, day: '2026-11-23', whenText: 'monday' }],
    ],
    [
      'Hi,\n\ndone 1\ndrop 2\n\nThanks,\nDana',
      [
        { verb: 'done', numbers: [1] },
        { verb: 'drop', numbers: [2] },
      ],
    ],
    [
      'done 1\r\ndrop 2\r\n',
      [
        { verb: 'done', numbers: [1] },
        { verb: 'drop', numbers: [2] },
      ],
    ],
  ])('%j', (text, commands) => {
    expect(parse(text)).toEqual(commands);
  });

  it.each([
    // Fri 30 Oct 2026 10:00 CDT: Monday 2 Nov is after the change to CST.
    [
      'snooze 3 monday',
      { verb: 'snooze', numbers: [3], until: '2026-11-02T14:00:00.000Z', day: '2026-11-02', whenText: 'monday' },
    ],
    [
      'due 1 monday 3pm',
      { verb: 'due', numbers: [1], due: { date: '2026-11-02', at: '2026-11-02T15:00:00-06:00', text: 'monday 3pm' } },
    ],
    ['due 1 friday', { verb: 'due', numbers: [1], due: { date: '2026-11-06', at: null, text: 'friday' } }],
  ])('across the end of DST: %j', (text, command) => {
    expect(parse(text, new Date('2026-10-30T15:00:00Z'))).toEqual([command]);
  });
});

describe('parseReplyCommands: nothing from quoted or pasted digests, signatures or prose', () => {
  it.each([
    [
      'the digest quoted with ">" below a reply',
      `done 1\n\n${attribution}\n${quoted}`,
      [{ verb: 'done', numbers: [1] }],
    ],
    [
      'the digest pasted bare after an attribution',
      `done 1\n\n${attribution}\n\n${digestText}`,
      [{ verb: 'done', numbers: [1] }],
    ],
    [
      'a wrapped attribution, then the bare digest',
      `done 1\nOn Mon, Nov 16, 2026 at 7:30 AM followthru <\ndana@northwind.example> wrote:\n${digestText}`,
      [{ verb: 'done', numbers: [1] }],
    ],
    [
      'the digest forwarded without quoting',
      `drop 2\n\n---------- Forwarded message ---------\nFrom: followthru <dana@northwind.example>\n${digestText}`,
      [{ verb: 'drop', numbers: [2] }],
    ],
    ['a signature below the commands', 'done 1\n-- \nDana Reyes\ndone 2', [{ verb: 'done', numbers: [1] }]],
    ['a mobile footer', 'done 1\nSent from my iPhone\ndone 2', [{ verb: 'done', numbers: [1] }]],
  ])('reads only the new text when %s', (_name, text, commands) => {
    expect(parse(text)).toEqual(commands);
  });

  it.each([
    ['the rendered digest itself, quoted', quoted],
    ['greetings and sign-offs', 'Hi followthru,\nThanks!\nCheers,\nBest regards\nDana'],
    ['blank lines and punctuation', '\n\n  \n...\n-\n'],
  ])('no commands from %s', (_name, text) => {
    expect(parse(text)).toEqual([]);
  });

  it.each([
    ['prose with a number after a verb', 'Sent 3 files to Ann yesterday'],
    ['a verb with words where a time should be', 'snooze 2 whenever'],
    ['an unknown verb', 'archive 4'],
    ['a line that opens with a command word but names no item', 'Done with the quote, finally.'],
  ])('reports %s as unknown, never applies it', (_name, text) => {
    expect(parse(text)).toEqual([{ verb: 'unknown', text }]);
  });
});
