// A promise whose time points back ("before then", "at this meeting") takes its day from the sentence before.
import { describe, expect, it } from 'vitest';
import { pointsBack } from '../../../src/extract/due/earlier.js';
import { createExtractor } from '../../../src/extract/index.js';
import { mailWith } from '../helpers.js';

const extractor = createExtractor();
const dueOf = (text: string) => extractor.extract(mailWith(text)).commitments.map((c) => c.due?.date ?? null);

describe('due: a time that points back to the sentence before', () => {
  it.each([
    ['The call is on Friday. I will send the agenda before then.', '2001-05-11'],
    ['I will be in Houston on Monday. I will call you then.', '2001-05-14'],
    ['The kick-off is Wednesday, May 16th. At this meeting we will hand out the gift bags.', '2001-05-16'],
  ])('"%s" is due %s', (text, day) => {
    expect(dueOf(text)).toEqual([day]);
  });

  it.each(['And then I will send it.', 'I will send it then call you.', 'Then I will call Bob.'])(
    '"%s" does not point back',
    (text) => {
      expect(pointsBack(text)).toBe(false);
    },
  );

  it('a sentence that names its own day keeps it', () => {
    expect(dueOf('The call is on Friday. I will send the agenda by then, Wednesday at the latest.')).toEqual([
      '2001-05-16',
    ]);
  });

  it('the sentence before names no day: no due date', () => {
    expect(dueOf('The call went well. I will send the notes before then.')).toEqual([null]);
  });
});
