import { describe, expect, it } from 'vitest';
import { confirmationFor } from '../../src/commands/confirm.js';

const CHOICES = ["1. I'll send the quote Friday.", '2. Could you send the W-9?'];

describe('confirmationFor', () => {
  it('lists what was applied, one line each, as a reply to the reply', () => {
    const c = confirmationFor(
      ['done 1: "I\'ll send the quote Friday." → done', 'snooze 2: "W-9" → snoozed until monday'],
      CHOICES,
      'r1@x',
      'Re: followthru: 1 overdue',
    );
    expect(c).toMatchObject({ subject: 'Re: followthru: 1 overdue', inReplyTo: 'r1@x' });
    expect(c.text).toContain('- done 1: "I\'ll send the quote Friday." → done\n- snooze 2:');
    expect(c.text).not.toContain('The items of that digest');
  });

  it.each([
    ['no command at all', [], /nothing: no command was found/],
    [
      'a line it could not read, with the digest items to choose from',
      ['not understood: "frob 2"'],
      /The items of that digest:\n {2}1\. I'll send/,
    ],
  ])('explains %s', (_name, results, pattern) => {
    expect(confirmationFor(results, CHOICES, null, 'followthru').text).toMatch(pattern);
  });

  it.each([['Re: Re: RE: followthru'], ['followthru']])('never stacks "Re:" (%s)', (subject) => {
    expect(confirmationFor([], [], null, subject).subject).toBe('Re: followthru');
  });
});
