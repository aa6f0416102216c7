// Hedges, conditions and purposes are read in the promise's own clause; conditions on silence or the sender's
// own progress stay firm (GUIDELINE.md, lists/README.md).
import { describe, expect, it } from 'vitest';
import { clauseBefore, isFirmCondition, mainClauseAfter } from '../../src/extract/clauses.js';
import { createExtractor } from '../../src/extract/index.js';
import { mailWith } from './helpers.js';

const extractor = createExtractor();
const promises = (text: string) => extractor.extract(mailWith(text)).commitments.map((c) => c.text);

describe('clause helpers', () => {
  it('clauseBefore starts after the last strong boundary', () => {
    const s = 'It might be worth raising an issue - I will do that.';
    expect(clauseBefore(s, s.indexOf('I will'))).toBe('');
    expect(clauseBefore('Maybe tomorrow, I will send it.', 16)).toBe('Maybe tomorrow, ');
  });
  it('mainClauseAfter stops at a subordinate clause', () => {
    expect(mainClauseAfter("i'll enhance the script so that if you change it")).toBe("i'll enhance the script ");
  });
  it.each(['unless I hear otherwise', 'if I hear no objections', 'if there are no objections', 'if it works then'])(
    '"%s" is a firm condition',
    (t) => {
      expect(isFirmCondition(t)).toBe(true);
    },
  );
  it.each(['if you want', 'if needed', 'if I have time'])('"%s" is not', (t) => expect(isFirmCondition(t)).toBe(false));
});

describe('promises kept across clauses', () => {
  it.each([
    "Here's a patch; if I hear no objections, I will commit it Friday.",
    "If it works then I'll open a bug so the fix can be backported.",
    "I'm on holidays at the moment, so I'll test it after Tuesday.",
    'The document is silent on what Windows does, so it might be worth raising an issue - I will do that.',
    "Within the next month I'll enhance the script so that if you change it, the commit is pulled in.",
  ])('"%s" is a promise', (text) => expect(promises(text)).toEqual([text]));

  it.each([
    'If you want, I will send it.',
    'Please call me so that I can start on the agreement.',
    'I will note that both patches have been accepted upstream.',
    "I'll defer to Ulf with regards to the binding.",
    "Not sure about the API there, I'll let the relevant maintainers chime in.",
    "I'm going to review here:",
    "I'll give you a practical example: a client asks for a token.",
    "But I'm not testing this change, so I'll leave the behaviour as-is.",
  ])('"%s" is not', (text) => expect(promises(text)).toEqual([]));
});
