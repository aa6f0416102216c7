import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { mailWith } from './helpers.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract(mailWith(text)).commitments[0];

describe('extract: what a promise carries', () => {
  it.each([
    ["I'll send you the brochure Friday.", 'send the brochure', '2001-05-11', 'Friday'],
    ['Let me check with legal and get back to you.', 'check with legal', null, null],
    ['I will return your call tomorrow.', 'return your call', '2001-05-11', 'tomorrow'],
    ['I will fax it this afternoon.', 'fax it', '2001-05-10', 'this afternoon'],
    ["We'll have the numbers to you by Monday.", 'have the numbers to you', '2001-05-14', 'Monday'],
    ["I'll have to ask Mike about this in the morning.", 'ask mike about this', '2001-05-11', 'morning'],
    [
      'I will begin e-mailing each morning starting tomorrow.',
      'e-mail each morning starting',
      '2001-05-11',
      'tomorrow',
    ],
    ['Will do.', 'do what was asked', null, null],
    ['Yes , I will call him .', 'call him', null, null],
    ["I'll leave it on your desk.", 'leave it', null, null],
    ['I will drive the Governor to the airport.', 'drive the governor to the airport', null, null],
  ])('"%s" → %s, due %s', (text, action, due, dueText) => {
    const c = first(text);
    expect(c?.action).toBe(action);
    expect(c?.due?.date ?? null).toBe(due);
    expect(c?.due?.text ?? null).toBe(dueText);
  });

  it('keeps the sentence as written and names the counterparties', () => {
    const c = first('Hi Bob,\n\nSure, I will send the revised\ncontract tomorrow.\n\nThanks');
    expect(c?.text).toBe('Sure, I will send the revised contract tomorrow.');
    expect(c?.counterparties).toEqual([{ name: 'Bob', address: 'bob@example.com' }]);
    expect(c?.confidence).toBeGreaterThan(0.5);
  });

  it('"come over and show" promises the showing, not mere attendance', () => {
    expect(first("I'll come over there and show you where it is exactly")?.action).toMatch(/^show\b/);
    expect(first('I will come to the meeting.')).toBeUndefined();
  });

  it('finds the promise in the second clause of a sentence', () => {
    expect(first('We will be there on the 9th and I will bring the paperwork.')?.action).toBe('bring the paperwork');
  });

  it('reads a question as expecting a reply, and a promise alone as not', () => {
    expect(extractor.extract(mailWith('Are you free on Tuesday?')).expectsReply).toBe(true);
    expect(extractor.extract(mailWith("Thanks. I'll send it tomorrow.")).expectsReply).toBe(false);
  });
});

describe('extract: a long bare-verb line asks only when it names whom it asks (imperative unaddressedUpTo)', () => {
  const asks = (text: string) => extractor.extract(mailWith(text)).expectsReply;
  it('a short one asks', () => {
    expect(asks('Check the numbers for the Houston office.')).toBe(true);
  });
  it('a long one addressed to no one is a plan, not a request', () => {
    expect(asks('Convert the driver to use the new allocator and drop the old code paths entirely.')).toBe(false);
  });
  it('the same long line asks when a name stands in front or it says "you"', () => {
    expect(asks('Ruth, convert the driver to use the new allocator and drop the old code paths entirely.')).toBe(true);
    expect(asks('Elena -- call Bruce today about the tobacco language.')).toBe(true);
    expect(asks('Elena—take a look at the attached before 3.')).toBe(true);
    expect(asks('Convert the driver to use the new allocator before you drop the old code paths.')).toBe(true);
  });
  it('or it asks for something for the sender ("me"), or has someone do it', () => {
    expect(asks('Tell him I said yes and ask him to call me.')).toBe(true);
    expect(asks('Have him send his resume to Karen Buckley in HR.')).toBe(true);
  });
  it('a list marker in front does not hide the verb', () => {
    expect(asks('#15 Try and follow up with Tomas.')).toBe(true);
    expect(asks('3) Check the numbers for Houston.')).toBe(true);
  });
});

describe('extract: one bare-verb line asks; a list of them sent to a mailing list is a plan', () => {
  const asks = (text: string) => extractor.extract(mailWith(text)).expectsReply;
  const toList = (text: string) => ({ ...mailWith(text), headers: { 'list-id': '<cifs.vger.kernel.org>' } });
  it('a lone step asks', () => {
    expect(asks('Thanks for the draft.\n\nCheck the numbers for Houston.')).toBe(true);
  });
  it('two or more unaddressed steps sent to a list describe a plan', () => {
    const plan = 'Aims for the next merge window:\n\nConvert cifs to use netfslib.\n\nImplement content crypto.';
    expect(extractor.extract(toList(plan)).expectsReply).toBe(false);
  });
  it('the same steps sent to a person are instructions', () => {
    expect(asks('Call Frank today.\nSend him the letter.')).toBe(true);
  });
  it('steps put to a named reader still ask', () => {
    expect(asks('Ruth, check the numbers for Houston.\n\nSend the file to Bob.')).toBe(true);
  });
});

describe('extract: asking to hear of doubts awaits an answer (lexicon answerInvites); an offer to answer questions does not', () => {
  const asks = (text: string) => extractor.extract(mailWith(text)).expectsReply;
  it.each([
    'Please review same and let me know if you see any problems.',
    'Please let me know if you have any suggestions.',
    'If you have any concerns, please let me know.',
    'Let me know if you disagree.',
    'Please let me know if you are aware of any others.',
  ])('"%s" expects a reply', (text) => {
    expect(asks(text)).toBe(true);
  });
  it.each([
    'Let me know if you have any questions.',
    'Call if you have questions.',
    'Please give me a call if you have any questions.',
    'Let me know if you need anything else.',
    'Let me know if there is anything I can do.',
    'If you have any questions regarding this notice, please contact Joe Thompson at 623-8709.',
    'Thanks for your help, and let me know if you have any questions.',
    'Here is the draft; let me know if you have questions.',
    "I'll send it Monday, so call me if you need anything.",
    'Please contact me with any questions.',
    'Please call me at one of the numbers below for answers to any questions you may have.',
  ])('an offer of help, "%s", expects none', (text) => {
    expect(asks(text)).toBe(false);
  });
  it.each([
    'Please review the memo and let me know if you have changes.',
    'Send me the numbers, and call me if you have questions.',
    'Can you print this for the Governor and let me know if you need anything?',
  ])('a request before the closer still asks: "%s"', (text) => {
    expect(asks(text)).toBe(true);
  });
});

describe('extract: an event announced is no promise (lexicon hostedEvents)', () => {
  const promises = (text: string) => extractor.extract(mailWith(text)).commitments.length;
  it.each([
    'We will have activities on Thursday, April 26 for Bring Your Kid to Work Day.',
    "We will also close at 4:30pm New Year's Eve.",
    'We will hold our weekly staff meeting tomorrow at 4:00.',
    "We will host a reception at the Governor's mansion Tuesday evening.",
  ])('"%s" announces', (text) => {
    expect(promises(text)).toBe(0);
  });
  it.each([
    'We will have the numbers to you by Monday.',
    'We will hold the room for you until Friday.',
    'I will host the call and send the dial-in tomorrow.',
    'I will give a briefing to the staff on Tuesday.',
    'We will have the meeting minutes to you by Friday.',
  ])('"%s" still promises', (text) => {
    expect(promises(text)).toBe(1);
  });
});

describe('extract: negative cases', () => {
  it.each([
    'I sent it yesterday.',
    'Attached is the file.',
    'I am reviewing it.',
    "I won't be able to send it.",
    'Should I send it?',
    'If you want, I can send it.',
    "I'll try to get it done by Friday.",
    'John will send the draft.',
    'I will be out of the office next week.',
    "I'll be in Houston Monday.",
    'I will return on Monday.',
    'I will return to the office on the 18th.',
    'Let me know if you have any questions.',
    'Talk to you soon.',
    'I will attend the meeting on Tuesday.',
    'We will have to allocate capacity.',
    'Can you let me know by Friday.',
    'I will need to get contracts signed at this point as soon as possible.',
    'I am going to take the two weeks of July 16-27 off.',
    'It looks like I will have to modify some of the test environment files.',
    'I just fear that we will sooner or later get hit by the old tool.',
    "I'll be happy to help in any way.",
    "I'll let you guys hash it out.",
    "I'll meet you there.",
    "We'll see what happens.",
    "I'll keep trying.",
    'I will call you and Bob if needed.',
    'I will be checking email periodically.',
    'We could be seen to have announced that we will drop SMBv1.',
    'Here is what the Governor will say: "We will veto any bill that raises taxes."',
    'Tell him, "we will pay by Friday."',
    'We will convene at 10 a.m.',
    'We will break for lunch at noon.',
    'We will take questions after the remarks.',
    'We will fly to Nome on Friday.',
    'We will depart from Juneau at 7 a.m.',
  ])('no promise in "%s"', (text) => {
    expect(extractor.extract(mailWith(text)).commitments).toEqual([]);
  });

  it('a promise joined on by "and" is hedged by its own clause, not by the pledge before it', () => {
    const text = 'We will continue to review the applications and will notify you by April 1.';
    expect(extractor.extract(mailWith(text)).commitments.map((c) => c.action)).toEqual(['notify you']);
  });

  it('a promise far into its sentence takes the time after its own verb', () => {
    const [promise] = extractor.extract(mailWith("I'll be in Houston Monday and will call you Tuesday.")).commitments;
    expect(promise?.due?.date).toBe('2001-05-15');
  });

  it('a day after its verb that names a thing gives way to the time before', () => {
    const text = 'I am in Austin until Friday and will send you the Monday numbers.';
    expect(extractor.extract(mailWith(text)).commitments[0]?.due?.date).toBe('2001-05-11');
  });

  it("a quotation closed before the promise leaves it the sender's own", () => {
    const [promise] = extractor.extract(mailWith('The "new" plan: I will call him tomorrow.')).commitments;
    expect(promise?.action).toBe('call him');
  });

  it('returns nothing, and does not throw, on an empty or odd body', () => {
    for (const text of ['', '   ', '?!', '\u0000\u0001', 'x'.repeat(20_000)]) {
      expect(extractor.extract(mailWith(text)).commitments).toEqual([]);
    }
  });
});

describe('extract: the configured country decides which named holidays a due date may name', () => {
  it('reads Boxing Day for GB, not for the US default', () => {
    const mail = mailWith("I'll send you the figures before Boxing Day.");
    expect(createExtractor(undefined, undefined, 'GB').extract(mail).commitments[0]?.due?.date).toBe('2001-12-25');
    expect(createExtractor().extract(mail).commitments[0]?.due ?? null).toBeNull();
  });
});

describe('extract: ordinary promises that start like an idiom', () => {
  it.each(["I'll take it as soon as I get back.", "I'll tell you what I find out tomorrow."])(
    '"%s" promises',
    (text) => {
      expect(extractor.extract(mailWith(text)).commitments).toHaveLength(1);
    },
  );
  it('"Leave it with me." promises and asks nothing', () => {
    const result = extractor.extract(mailWith('Leave it with me.'));
    expect(result.commitments.map((c) => c.rule)).toEqual(['leave-it-with-me']);
    expect(result.expectsReply).toBe(false);
  });
});

describe('extract: a condition belongs to its own clause (conditional-offer refiner)', () => {
  const promises = (text: string) => extractor.extract(mailWith(text)).commitments.length;
  it('an "if" inside an earlier clause, closed by "and", leaves the promise firm', () => {
    expect(promises("The flag is wrong if the button is pressed first and I'll send a patch tomorrow.")).toBe(1);
  });
  it.each([
    "If you agree and the numbers hold, I'll send it.",
    "You can use it if you recognize the terms and we'll defend it.",
    "If you need it, let me know and I'll send it.",
  ])('a condition on the reader still makes it wait: "%s"', (text) => {
    expect(promises(text)).toBe(0);
  });
});
