// A question mark asks the reader only when the question is the sender's own and wants an answer.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { questionReason } from '../../src/extract/questions.js';
import { loadRules } from '../../src/extract/rules.js';
import { mailWith } from './helpers.js';

const rhetorical = loadRules().lexicon.rhetoricalQuestions;
const extractor = createExtractor();
const asks = (text: string) => extractor.extract(mailWith(text)).expectsReply;

describe('questions: the sender asks the reader', () => {
  it.each([
    'Are you free on Tuesday?',
    'What do you think?',
    'Can you send me the "final" version?',
    'Did you see the note titled "Q3 numbers"?',
    'Who knows how to rebuild the index?',
    'What do you know about the new tariff?',
  ])('"%s" is a question', (text) => {
    expect(questionReason(text, rhetorical)).toBe('a question');
  });
});

describe('questions: negative cases', () => {
  it.each([
    'Who knows?',
    'Why not?',
    'Guess what?',
    'And who cares?',
    'How are you?',
    'Can you believe it?',
    'How cool is that?',
    "Isn't that great?",
    'What a day, huh?',
    'Would you believe it?',
    'Who would have thought?',
    'Can you imagine?',
    'Need I say more?',
    "Doesn't it?",
    'Happy Friday?',
    'Is it Friday yet?',
    'As Austen tells it, she wonders, "For what do we live, but to make sport for our neighbors?"',
    'We have had a similar "is the cached iomap still valid?"',
    'Keegan Farrell 04/04/2001 08:07 AM To: Cheryl Nelson cc: Subject: Re: the meetings Just to confirm, you mean the Monday one?',
    'No question mark here.',
    'Know what I mean?',
    'How could I forget?',
  ])('"%s" asks nothing', (text) => {
    expect(questionReason(text, rhetorical)).toBeNull();
  });

  it('a mail whose only question is rhetorical or reported expects no reply', () => {
    expect(asks('We lost the bid again. Who knows? Next quarter may be better.')).toBe(false);
    expect(asks('He keeps asking "when can I buy gas from Enron?" I told him next year.')).toBe(false);
    expect(asks('We lost the bid again. Who knows? Can you find out why?')).toBe(true);
  });

  it('an offer of help put as a question or a condition expects no reply; an ask about the memo does', () => {
    expect(asks('Attached is the memo. Any questions?')).toBe(false);
    expect(asks('Attached is the memo. Should you have any questions, please call.')).toBe(false);
    expect(asks('How about that!')).toBe(false);
    expect(asks('Any questions on the memo?')).toBe(true);
  });

  it('"let me know if" asks when the condition is news the sender wants, not an offer of help or an exception', () => {
    expect(asks('Let me know if you have a master agreement in place.')).toBe(true);
    expect(asks('Please let me know if you received the fax.')).toBe(true);
    expect(asks('Let me know if you need anything else.')).toBe(false);
    expect(asks('Call me if you did not receive them.')).toBe(false);
    expect(asks('Please let me know if they dispute.')).toBe(false);
  });
});
