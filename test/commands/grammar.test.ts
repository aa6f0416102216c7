// One verb table: every command parses from its own example, the digest footer shows them all, the CLI has
// them all, and every next step's "N" gets the real number whatever the verb.
import { describe, expect, it } from 'vitest';
import { VERBS, withItemNumber } from '../../src/commands/grammar.js';
import { parseReplyCommands } from '../../src/commands/parse-reply.js';
import { ITEM_COMMANDS } from '../../src/cli/items.js';
import { COMMAND_HELP } from '../../src/digest/help.js';

const NOW = new Date('2026-11-16T14:10:00Z');

describe('the reply grammar table', () => {
  it.each(VERBS.map((v) => [v.verb, v] as const))(
    '%s: its example parses to it, the footer and the CLI show it',
    (verb, spec) => {
      expect(parseReplyCommands(spec.example, NOW, 'America/Chicago')[0]?.verb).toBe(verb);
      expect(COMMAND_HELP).toContainEqual([spec.example, spec.help]);
      expect(ITEM_COMMANDS.map((c) => c.name)).toContain(spec.cli);
      expect(
        parseReplyCommands(`${spec.cli} 2${spec.takes === 'when' ? ' monday' : ''}`, NOW, 'America/Chicago')[0]?.verb,
      ).toBe(verb);
    },
  );

  it.each([
    ['reply "drop N".', 'reply "drop 4".'],
    ['or reply "due N <day>" with a new date.', 'or reply "due 4 <day>" with a new date.'],
    ['Reply "snooze N monday" to hide it.', 'Reply "snooze 4 monday" to hide it.'],
    ['Wrong? Reply "not a promise N".', 'Wrong? Reply "not a promise 4".'],
    ['"Nancy" stays', '"Nancy" stays'],
  ])('numbers %j', (next, numbered) => {
    expect(withItemNumber(next, 4)).toBe(numbered);
  });
});
