import { describe, expect, it } from 'vitest';
import { VERBS } from '../../src/commands/grammar.js';
import { composeDigest } from '../../src/digest/compose.js';
import { SECTION_TITLES } from '../../src/digest/sections.js';
import { escapeHtml } from '../../src/digest/escape.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderText } from '../../src/digest/render-text.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import type { DigestSection } from '../../src/types.js';
import { item } from './factory.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const HOSTILE_SUBJECT = '<script>alert(1)</script><a href=javascript:steal()>click</a>';
const due = (date: string, text: string) => ({ date, at: null, text });
const items = [
  item({ due: due('2026-11-13', 'Friday'), subject: HOSTILE_SUBJECT }),
  item({ due: due('2026-11-16', 'Monday'), text: 'I\'ll send it <b onmouseover="x()">today</b> & more.' }),
  item({
    due: due('2026-11-18', 'Wednesday'),
    counterparties: [{ name: '<img src=x onerror=alert(3)>', address: 'x@evil.example' }],
  }),
  item({
    kind: 'awaiting-reply',
    subject: HOSTILE_SUBJECT,
    sentAt: '2026-11-02T15:00:00.000Z',
    clockStartedAt: '2026-11-02T15:00:00.000Z',
  }),
  item({ kind: 'asked-of-you', text: '<iframe src="https://evil.example"></iframe>', subject: 'W-9' }),
  item({
    rule: 'keep-in-touch',
    text: 'Keep in touch with <u>Laura</u>',
    subject: HOSTILE_SUBJECT,
    due: due('2026-11-16', 'gone quiet'),
  }),
  item({
    status: 'kept',
    updatedAt: '2026-11-16T10:00:00.000Z',
    evidence: {
      messageId: 'k',
      subject: HOSTILE_SUBJECT,
      at: '2026-11-15T10:00:00.000Z',
      attachment: '"><svg onload=alert(4)>.pdf',
      words: [],
      confidence: 0.9,
    },
  }),
];
const digest = composeDigest(items, {
  now: NOW,
  timeZone: 'America/Chicago',
  holidays: [],
  lastDigestAt: null,
  maxItems: 25,
  quiet: true,
  cadence: DEFAULT_CADENCE,
});
const html = digest ? renderHtml(digest) : '';
const text = digest ? renderText(digest) : '';
// Every section of the morning digest ('still-open' is the weekly review's, test/review/).
const SECTIONS = (Object.keys(SECTION_TITLES) as DigestSection[]).filter((s) => s !== 'still-open');

describe('both renders of a digest with every section', () => {
  it('holds all seven sections', () => expect(digest?.sections.map((s) => s.section)).toEqual(SECTIONS));

  it.each(SECTIONS.map((s) => [SECTION_TITLES[s]]))('show the section %s', (title) => {
    expect(html).toContain(`${title} (1)`);
    expect(text).toContain(`${title.toUpperCase()} (1)`);
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('show item number %i', (n) => {
    expect(html).toMatch(new RegExp(`>${n}\\.</b>`));
    expect(text).toMatch(new RegExp(`^${n}\\. `, 'm'));
  });

  it.each(['done 2', 'snooze 3 monday', 'drop 4', 'not a promise 4', 'reopen 5', 'due 2 friday'])(
    'explain the command "%s"',
    (command) => {
      expect(html).toContain(command);
      expect(text).toContain(command);
    },
  );
});

describe('renderHtml shows mail content as text', () => {
  it.each([
    ['a script', /<script/i],
    ['a link', /<a[\s>]/i],
    ['an image', /<img/i],
    ['an svg', /<svg/i],
    ['an iframe', /<iframe/i],
    ['an event handler inside a tag', /<[^>]*\son\w+=/i],
    ['a mail-made attribute break-out', /"><svg/],
  ])('never lets through %s', (_name, pattern) => {
    expect(html).not.toMatch(pattern);
  });

  it('keeps the hostile words readable, escaped', () => {
    expect(html).toContain(escapeHtml(HOSTILE_SUBJECT));
    expect(html).toContain('&lt;iframe src=&quot;https://evil.example&quot;&gt;');
  });

  it('builds no link of any kind, so nothing from mail becomes one', () => expect(html).not.toMatch(/<[^>]*\bhref=/i));

  it.each([
    ['the color-scheme meta', '<meta name="color-scheme" content="light dark">'],
    ['a dark-mode block', '@media (prefers-color-scheme: dark)'],
    ['dark accents for each section', '.ft-overdue { color:#ff8a80 !important; }'],
    ['a phone-width table layout', 'role="presentation" width="100%"'],
    ['a 600px cap', 'max-width:600px'],
  ])('has %s', (_name, fragment) => {
    expect(html).toContain(fragment);
  });
});

describe('renderText', () => {
  it('keeps mail text as written (plain text needs no escaping) and ends with the help', () => {
    expect(text).toContain(HOSTILE_SUBJECT);
    // The help's last line is the verb table's last command.
    expect(text.trimEnd().split('\n').at(-1)).toContain(VERBS.at(-1)?.example);
  });
});
