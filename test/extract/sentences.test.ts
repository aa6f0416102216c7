import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.js';

describe('splitSentences', () => {
  it.each([
    ['One. Two!  Three?', ['One.', 'Two!', 'Three?']],
    ['I will send the\nrevised contract\ntomorrow. Thanks', ['I will send the revised contract tomorrow.', 'Thanks']],
    ['Hi John,\nI will call Mr. Smith at 3 p.m. today.', ['Hi John,', 'I will call Mr. Smith at 3 p.m. today.']],
    ['Items:\n- send the deck\n- call Bob', ['Items:', 'send the deck', 'call Bob']],
    ["ok. i'll follow up.", ['ok.', "i'll follow up."]],
    ['First para.\n\nSecond para', ['First para.', 'Second para']],
    ['Meet at 1.5 hours (approx. two).', ['Meet at 1.5 hours (approx. two).']],
    ['Thanks.I will send it tomorrow.Can you call?', ['Thanks.', 'I will send it tomorrow.', 'Can you call?']],
    ['Got it.Will do.', ['Got it.', 'Will do.']],
    [
      'Ask Gov.Palin. See www.Enron.com or bob@Enron.Com now.',
      ['Ask Gov.Palin.', 'See www.Enron.com or bob@Enron.Com now.'],
    ],
    ['Under Sec. 2.03 all prices are aggregate.', ['Under Sec. 2.03 all prices are aggregate.']],
    ['Call the sales rep. I will be out.', ['Call the sales rep.', 'I will be out.']],
    ['Call Console.WriteLine first.', ['Call Console.WriteLine first.']],
  ])('%j', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it.each(['', '\n\n', '   '])('nothing in %j', (text) => {
    expect(splitSentences(text)).toEqual([]);
  });
});

describe('splitSentences: lines that start a sentence without punctuation before them', () => {
  it.each([
    [
      'after a closed parenthesis',
      '(I wore my boots--pictures to follow)\nCan you believe it?',
      ['(I wore my boots--pictures to follow)', 'Can you believe it?'],
    ],
    [
      'a short line, then a question',
      'See you Monday\nCould you send the W-9?',
      ['See you Monday', 'Could you send the W-9?'],
    ],
    [
      'but not a hard-wrapped sentence',
      "I'll send the report to\nJohn tomorrow.",
      ["I'll send the report to John tomorrow."],
    ],
  ])('%s', (_name, text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});
