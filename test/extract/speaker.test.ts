// Who is speaking: an out-of-office notice, a patch posting's commit message and code speak for nobody.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { looksLikeCode, looksLikeField, voiceOf } from '../../src/extract/speaker.js';
import { mailWith } from './helpers.js';

const extractor = createExtractor();

describe('out-of-office notices', () => {
  it.each([
    'I will be out of the office from 04/07 until 04/14. I will respond to your message when I return.',
    'I am currently on vacation and will have no access to e-mail. I will call you back on Monday.',
    'Automatic reply: I will have limited access to email this week and will reply when I am back.',
    'Thank you for your message. I am away and will return on March 18. I will reply as soon as possible.',
    'I am currently travelling until the 18th. I will reply to your email upon my return.',
  ])('"%s" promises and asks nothing', (text) => {
    expect(extractor.extract(mailWith(text))).toEqual({ commitments: [], expectsReply: false });
  });

  it('explain shows the reason on each dropped candidate', () => {
    const analysis = extractor.analyse(
      mailWith('I will be out of the office until Monday. I will send it when I am back.'),
    );
    const dropped = analysis.sentences.flatMap((s) => s.candidates).filter((c) => c.rule === 'first-person-will');
    expect(dropped.length).toBeGreaterThan(0);
    expect(
      dropped.every(
        (c) => !c.kept && c.droppedBy === 'speaker' && c.reason === 'an out-of-office notice, not a promise',
      ),
    ).toBe(true);
  });

  it('a sender who mentions being away later in a real mail still promises', () => {
    const text = "I'll send the contract tomorrow. I'm out next week, so call Bob if anything comes up.";
    expect(voiceOf(text).notTheSender).toBeNull();
    expect(extractor.extract(mailWith(text)).commitments).toHaveLength(1);
  });
});

describe('patch postings and code', () => {
  const patch =
    'Add a compatible string for the WPCM450 SoC.\n\nSigned-off-by: Ann <a@x.example>\n---\n drivers/watchdog.c | 1 +';
  it('a commit message in the imperative asks the reader for nothing', () => {
    expect(voiceOf(patch).patch).toBe(true);
    expect(extractor.extract(mailWith(patch)).expectsReply).toBe(false);
  });
  it('an imperative outside a patch still asks', () => {
    expect(extractor.extract(mailWith('Add a line for Houston to the schedule.')).expectsReply).toBe(true);
  });
  it.each([
    'return count; + err = set_addr(vuart, val); + return err ?',
    'struct i2c_msg msgs[] = {',
    '+#define DEVICE_NAME "aspeed-video"',
    'if (a == b && c) x();',
  ])('"%s" is code', (line) => {
    expect(looksLikeCode(line)).toBe(true);
  });
  it.each([
    'Can you send the file(s) by Friday?',
    'Please review the patch.',
    'What do you think?',
    'Could you please include it in v3 (if re-send is needed)?',
    'Is it possible for talloc_realloc() in aio_add_req_to_fsp() to race?',
  ])('"%s" is prose', (line) => {
    expect(looksLikeCode(line)).toBe(false);
  });
});

describe('a field a mail program printed is not the sender asking', () => {
  it.each(['Follow Up Flag: Follow up', 'Record Type: Record'])('"%s" is a field, and asks nothing', (line) => {
    expect(looksLikeField(line)).toBe(true);
    expect(extractor.extract(mailWith(`Thanks.\n\n${line}`)).expectsReply).toBe(false);
  });
  it('"Importance: High" is a field', () => {
    expect(looksLikeField('Importance: High')).toBe(true);
  });
  it('a label the sender wrote is not a field: "Note: please call me"', () => {
    expect(looksLikeField('Note: please call me.')).toBe(false);
  });
});

describe('a "let me" promise is not a request to the reader (issue 12)', () => {
  it('"Let me check with legal and get back to you" is a promise and expects no reply', () => {
    const result = extractor.extract(mailWith('Let me check with legal and get back to you.'));
    expect(result.commitments.map((c) => c.rule)).toEqual(['let-me']);
    expect(result.expectsReply).toBe(false);
  });
});

describe('an organisation\'s notice ("we" throughout, never "I")', () => {
  const notice =
    'We are getting ready for the launch of our new site. Our team has prepared new documentation for our customers. ' +
    'We will contact our top customers next week. We will send out a mass mailing to all our users on Monday.';
  it('its "we will" is not the sender\'s promise, and explain says why', () => {
    expect(voiceOf(notice).notice).not.toBeNull();
    const analysis = extractor.analyse(mailWith(notice));
    expect(analysis.commitments).toEqual([]);
    const dropped = analysis.sentences.flatMap((s) => s.candidates);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((c) => c.droppedBy === 'speaker' && /organisation/.test(c.reason ?? ''))).toBe(true);
  });
  it('one "I" makes it a person writing for the team, whose "we" promises', () => {
    const text = `${notice} I will call you about it.`;
    expect(voiceOf(text).notice).toBeNull();
    expect(extractor.extract(mailWith(text)).commitments.length).toBeGreaterThan(1);
  });
  it('a person\'s short "we will" stays a promise', () => {
    expect(extractor.extract(mailWith('We will send you a response by this evening.')).commitments).toHaveLength(1);
  });
});
