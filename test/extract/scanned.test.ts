// OCR repairs: the rules read what the writer typed, and the sentence keeps its length and is shown as written.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { repairScanned } from '../../src/extract/scanned.js';
import { mailWith } from './helpers.js';

describe('repairScanned', () => {
  it.each([
    ["I'11 call him tomorrow.", "I'll call him tomorrow."],
    ["We'II send it Monday.", "We'll send it Monday."],
    ['I wiII send it.', 'I will send it.'],
    ['1 will send it tomorrow.', 'I will send it tomorrow.'],
    ['Thanks. l think so, and l will call him.', 'Thanks. I think so, and I will call him.'],
    ['Pis print.', 'Pls print.'],
    ['pis Call me.', 'pls Call me.'],
    ["l'll call him tomorrow.", "I'll call him tomorrow."],
    ['| will call him tomorrow.', 'I will call him tomorrow.'],
    ['I`ll call him.', "I'll call him."],
    ["We' ll send it Monday.", "We'll  send it Monday."],
    ["I 'm sending it.", "I'm  sending it."],
    ['I wiil call him.', 'I will call him.'],
    ["1'll call him today.", "I'll call him today."],
    ['I wlll send it today.', 'I will send it today.'],
    ['Thanks,I will send it.', 'Thanks I will send it.'],
    ['PIs advise.', 'Pls advise.'],
    ['P1s print.', 'Pls print.'],
    ['Pleasc send it.', 'Please send it.'],
    ['Plcase advise.', 'Please advise.'],
  ])('"%s" reads as "%s"', (scanned, typed) => {
    expect(repairScanned(scanned)).toBe(typed);
    expect(repairScanned(scanned)).toHaveLength(scanned.length);
  });
  it.each([
    'Option 1 will cost more.',
    'Items 3 and 1 will ship.',
    'Version 2.1 will ship in May.',
    'In 2011 we moved.',
    'Pisa is in Italy.',
    "Class of '11.",
    "the teams' re-org",
    "subject 're: budget'",
    'Press | to continue.',
    "Route 1'll be closed.",
    'Red,We Are is a band.',
  ])('leaves "%s" alone', (text) => {
    expect(repairScanned(text)).toBe(text);
  });
});

describe('extract on scanned mail', () => {
  const extractor = createExtractor();
  it('finds the promise and reports the sentence as written', () => {
    const [commitment] = extractor.extract(mailWith("I'11 send you the draft tomorrow.")).commitments;
    expect(commitment?.text).toBe("I'11 send you the draft tomorrow.");
    expect(commitment?.due?.date).toBe('2001-05-11');
  });
  it('reads tomorrow as OCR spells it', () => {
    expect(extractor.extract(mailWith('I will send it tornorrow.')).commitments[0]?.due?.date).toBe('2001-05-11');
    expect(extractor.extract(mailWith('I will send it tomorrovv.')).commitments[0]?.due?.date).toBe('2001-05-11');
  });
  it('reads "Pis print." as a request', () => {
    expect(extractor.extract(mailWith('Pis print.')).expectsReply).toBe(true);
  });
});
