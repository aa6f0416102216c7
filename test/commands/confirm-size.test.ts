// A huge reply gets a short confirmation: a 480 KB reply once produced a 6.4 MB mail back. The reply's own
// lines are quoted a few at most, each cut short, and repeats are listed once.
import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/commands/apply.js';
import { confirmationFor, MAX_QUOTED_LINES } from '../../src/commands/confirm.js';
import { parseReplyCommands } from '../../src/commands/parse-reply.js';
import { item } from '../digest/factory.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const items = new Map(
  [1, 2, 3].map(
    (n) =>
      [n, item({ id: n, text: `I'll send the quote number ${n} to you by Friday, as promised on the call.` })] as const,
  ),
);
const entries = [1, 2, 3].map((n) => ({ number: n, itemId: n }));
const CHOICES = entries.map((e) => `${e.number}. ${items.get(e.itemId)?.text.slice(0, 70)}`);

function confirm(line: string): string {
  let reply = '';
  while (reply.length < 480_000) reply += `${line}\n`;
  const { results } = applyCommands(parseReplyCommands(reply, NOW, 'America/Chicago'), entries, items, NOW);
  return confirmationFor(results, CHOICES, 'r@x', 'Re: followthru').text;
}

describe('the confirmation of a 480 KB reply stays small', () => {
  it.each([
    ['the same command 68,000 times', 'done 1'],
    ['a range over and over', 'done 1-3'],
    ['lines it cannot read', 'hello 2 there, see the notes'],
    ['one 480 KB line', `frob 2 ${'y'.repeat(480_000)}`],
  ])('%s', (_name, line) => {
    const text = confirm(line);
    expect(Buffer.byteLength(text)).toBeLessThan(8_000);
    expect(text.split('\n').filter((l) => l.startsWith('- not understood')).length).toBeLessThanOrEqual(
      MAX_QUOTED_LINES,
    );
    for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(200);
  });

  it('what was applied is still listed, once, and what was left out is counted', () => {
    const text = confirmationFor(
      [
        'done 1: "a" → done',
        'done 1: "a" → done',
        ...Array.from({ length: 40 }, (_, i) => `not understood: "frob ${i}"`),
      ],
      CHOICES,
      null,
      'followthru',
    ).text;
    expect(text.match(/- done 1:/g)).toHaveLength(1);
    expect(text).toContain('- not understood: "frob 0"');
    expect(text).toContain(`- …and ${40 - MAX_QUOTED_LINES} more lines of your reply not understood`);
  });
});
