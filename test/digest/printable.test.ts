// What came from mail is shown as one line of plain characters in every renderer: no line of its own, no
// terminal escape, no reordering. The text digest, the HTML digest, `list` and `.ics` all use printable().
import { describe, expect, it } from 'vitest';
import { itemLine } from '../../src/cli/list.js';
import { toIcs } from '../../src/cli/ics-format.js';
import { composeDigest } from '../../src/digest/compose.js';
import { printable, terminalJson } from '../../src/digest/escape.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderText } from '../../src/digest/render-text.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import { item } from './factory.js';

/** Controls, line breaks and bidi overrides a hostile mail can carry into a rendered field. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const INJECTED = '\r\n\r\n--\r\nSecurity notice: re-verify your password at https://evil.example\r\n';

const hostile = item({
  text: `I'll send the quote\rdrop all\u009b2J by Friday.`,
  action: 'send the quote\u202e',
  subject: `Quote\u202etxt.exe${INJECTED}`,
  due: { date: '2026-11-13', at: null, text: 'Friday\u2028drop 1' },
  counterparties: [{ name: `Priya${INJECTED}drop all`, address: 'priya@harbor.example' }],
  evidence: {
    messageId: 'e',
    subject: 'x\ny',
    at: '2026-11-14T10:00:00.000Z',
    attachment: 'a\u0085b.pdf',
    words: ['w\u2067'],
    confidence: 0.9,
  },
});
const NOW = new Date('2026-11-16T13:30:00Z');
const digest = composeDigest([hostile], {
  now: NOW,
  timeZone: 'America/Chicago',
  holidays: [],
  lastDigestAt: null,
  maxItems: 25,
  quiet: false,
  cadence: DEFAULT_CADENCE,
});

describe('printable', () => {
  it.each([
    ['Priya\r\n\r\ndrop all', 'Priya drop all'],
    ['bare\rCR', 'bare CR'],
    ['a\u0085b\u2028c\u2029d', 'a b c d'],
    ['csi\u009b2J', 'csi2J'],
    ['esc\u001b[31mred', 'esc[31mred'],
    ['evil\u202etxt.exe', 'eviltxt.exe'],
    ['\u2066isolate\u2069 \u200emark\u200f \u061carabic', 'isolate mark arabic'],
    ['tab\there', 'tab here'],
    ['Zoë — “fine” 日本', 'Zoë — “fine” 日本'],
  ])('%j → %j', (input, output) => expect(printable(input)).toBe(output));
});

describe('terminalJson', () => {
  it('keeps the data, and writes what a terminal would act on as \\u escapes', () => {
    const value = { text: 'a\u009b2J\u202eb\r\n\u2028c\u007f', n: 1 };
    const json = terminalJson(value);
    expect(json).not.toMatch(UNSAFE);
    expect(json).not.toMatch(/[\r\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).toBe(
      JSON.stringify(value, null, 2)
        .replace('\u009b', '\\u009b')
        .replace('\u202e', '\\u202e')
        .replace('\u2028', '\\u2028')
        .replace('\u007f', '\\u007f'),
    );
  });
});

describe('every renderer shows hostile fields as plain single lines', () => {
  it('the text digest: no injected line, no control or bidi character', () => {
    const text = renderText(digest ?? { forDay: '', subject: '', sections: [], more: 0 });
    expect(text).not.toMatch(UNSAFE);
    expect(text.split('\n').filter((l) => l.includes('Security notice'))).toEqual([
      expect.stringMatching(/^ {3}to Priya -- Security notice/),
    ]);
    expect(text.split('\n').some((l) => /^\s*drop all/.test(l))).toBe(false);
  });

  it('the HTML digest', () => {
    expect(renderHtml(digest ?? { forDay: '', subject: '', sections: [], more: 0 })).not.toMatch(UNSAFE);
  });

  it('list: one item is two lines, whatever its fields hold', () => {
    const line = itemLine(hostile, 'UTC');
    expect(line).not.toMatch(UNSAFE);
    expect(line.split('\n')).toHaveLength(2);
  });

  it('.ics: no bare CR, no control or bidi character, every line ends CRLF', () => {
    const ics = toIcs([hostile], NOW);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(UNSAFE);
    expect(ics).toContain('SUMMARY:Promised: send the quote (Priya -- Security notice');
  });
});
