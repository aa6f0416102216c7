// The prefilter is derived from the rules: every example a rule must find passes that rule's own screen, a rule
// the files do not hold yet is screened by its own words, and most sentences that no rule can match stay out.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { compileMatcher, parseSentence } from '../../src/extract/nlp.js';
import { compileScreen, needsOf, sentenceWords } from '../../src/extract/prefilter.js';
import { loadRules } from '../../src/extract/rules.js';
import { mailWith } from './helpers.js';

const rules = loadRules();
const VOCATIVE = /^(?:(?:hi|hey|hello|dear)\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s*[,:]\s+(?=\S)/;
const hits = [...rules.commitments, ...rules.requests].flatMap((rule) =>
  rule.examples.hit.map((text) => ({ rule, text })),
);

describe('the screen derived from the rules', () => {
  // A rule the screen can read nothing from sends every sentence to the parser: "r.s.v.p." once did, and extraction
  // took twice as long. Only the imperative, screened by its verb at the start, may name no word.
  it('every rule but the imperative names a word a sentence must hold', () => {
    const rules = loadRules();
    const blind = [...rules.commitments, ...rules.requests]
      .filter((rule) => {
        const needs = needsOf(rule);
        return needs.terms.length === 0 && needs.openWith === null;
      })
      .map((rule) => rule.id);
    expect(blind).toEqual(['imperative']);
  });
  it.each(hits.map(({ rule, text }) => ({ id: rule.id, rule, text })))('$id lets through "$text"', ({ rule, text }) => {
    const screen = compileScreen([rule]);
    // Request rules read the sentence without a name in front (see analyse.ts); promise rules read it whole.
    expect(screen(sentenceWords(text)) || screen(sentenceWords(text.replace(VOCATIVE, '')))).toBe(true);
  });

  it.each([
    [
      'a rule added later is screened by its own words',
      'kindly (confirm|approve) #Noun',
      'Kindly confirm receipt.',
      true,
    ],
    ['… and keeps out what lacks them', 'kindly (confirm|approve) #Noun', 'Thanks for the receipt.', false],
    ['every choice needs its own words', '(send me|call us) #Noun', 'Call us today.', true],
    ['a choice it cannot foresee constrains nothing, the other words still do', '(#Verb|call) me', 'Email me.', true],
    ['contractions read as compromise reads them', '(i|we) will #Verb', "I'll send it.", true],
    ['"let\'s" holds "us"', 'let us #Verb', "Let's meet Monday.", true],
    ['"don\'t" holds "do not"', '^do not forget', "Don't forget the deck.", true],
    ['a `^` word must open a clause', '^will #Verb', 'He will send it.', false],
    ['… after a sentence mark too', '^will #Verb', 'Thanks. Will send it.', true],
    ['… and at a line break', '^will #Verb', 'Thanks\nWill send it.', true],
    ['… but not after a colon: compromise starts no sentence there', '^will #Verb', 'Next steps: will send it.', false],
    ['… nor inside a number', '^[<act>#Imperative] #Noun', 'It costs 3.5 million.', false],
    ['a clause too short for the rule cannot match it', '^[<act>#Imperative] #Noun', 'Cordially,', false],
    ['… but a joined word may be two terms', '^[<act>#Imperative] #Noun', 'Call-me', true],
    [
      '… and a clause compromise may merge with the next is not counted',
      '^[<act>#Imperative] #Noun',
      'Approx. 5 units',
      true,
    ],
    ['an imperative cannot open with a pronoun', '^[<act>#Imperative] #Noun', 'I sent the file.', false],
    ['… but may with a word compromise does not know', '^[<act>#Imperative] #Noun', 'Zork the file.', true],
    ['… and a clause opening with a number is not foreseen', '^[<act>#Imperative] #Noun', '2 files attached.', true],
    ['"I\'m" opens with "i", a pronoun, never with "am"', '^[<act>#Imperative] #Noun', "I'm out Friday.", false],
    ['… and a possessive name opens with the name', '^[<act>#Imperative] #Noun', "Bob's file is here.", false],
    ['… but "let\'s" opens with a verb', '^[<act>#Imperative] #Noun', "Let's go home.", true],
    ['a joined word needs its parts', "(can|could) (you|y'all) #Verb", "Could y'all send it?", true],
    ['… and keeps out what lacks them', "(can|could) (you|y'all) #Verb", 'I could send it.', false],
    ['two fixed words in a row must stand side by side', '(i|we) will #Verb', 'I think it will rain.', false],
    ['… across punctuation, which is no term', '(i|we) will #Verb', 'We, will send it.', true],
    ['… or inside a contraction', '(i|we) will #Verb', "I'll send it.", true],
    ['… or inside a joined word', 'e mail me', 'Just e-mail me.', true],
    ['an optional word between them breaks no pair', '^i am? on it', 'I am on it.', true],
    ['… and a repeated one is no pair', 'very+ good', 'Very very good.', true],
  ])('%s', (_, match, text, expected) => {
    expect(compileScreen([{ match }])(sentenceWords(text))).toBe(expected);
  });

  it('a `^` veto of one word keeps out a sentence that opens with it', () => {
    const screen = compileScreen([{ match: '^[<act>#Imperative] #Noun', notIf: ['^(thanks|have a)'] }]);
    expect(screen(sentenceWords('Thanks everyone.'))).toBe(false);
    expect(screen(sentenceWords('Have a look.'))).toBe(true); // "have a" needs its second word: not decided here
  });

  it('words named like an object property are plain words', () => {
    expect(() => sentenceWords('The constructor and __proto__ toString hasOwnProperty.')).not.toThrow();
  });
});

describe('parsing for the rules', () => {
  const extractor = createExtractor(rules);
  it('a run of asterisks is decoration, not an imperative', () => {
    expect(extractor.extract(mailWith('*************** There will be another meeting on Thursday.')).expectsReply).toBe(
      false,
    );
  });
  it('a rule written with chunk syntax still matches (chunks are computed once a rule reads them)', () => {
    const match = compileMatcher([
      { id: 'chunked', why: 'test', match: '^<Noun>+ is signed', confidence: 0.5, examples: { hit: ['x'], miss: [] } },
    ]);
    expect(match(parseSentence('The contract is signed.')).map((h) => h.ruleId)).toEqual(['chunked']);
  });
  it('promise and request rules both read one sentence', () => {
    expect(extractor.extract(mailWith("I'll send the deck, and please call me Friday."))).toMatchObject({
      expectsReply: true,
      commitments: [{ rule: 'first-person-will' }],
    });
  });
});
