import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderText } from '../../src/digest/render-text.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import { item } from './factory.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const hostile = item({
  text: 'I\'ll send <script>alert(1)</script> and <a href="javascript:steal()">this</a> Friday.',
  subject: '<img src=x onerror=alert(2)>',
  counterparties: [{ name: '"><b>Mallory</b>', address: 'm@evil.example' }],
  due: { date: '2026-11-13', at: null, text: 'Friday' },
});
const asked = item({ kind: 'asked-of-you', text: 'Could you send the W-9?', subject: 'W-9' });
const digest = composeDigest([hostile, asked], {
  now: NOW,
  timeZone: 'America/Chicago',
  holidays: [],
  lastDigestAt: null,
  maxItems: 25,
  quiet: true,
  cadence: DEFAULT_CADENCE,
});

describe('renderHtml', () => {
  const html = digest ? renderHtml(digest) : '';
  it('shows mail content as text: no script, no tag, no link from mail survives', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<a\s/i);
    expect(html).not.toContain('<b>Mallory');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('is complete: every section, number and command, dark mode and phone width', () => {
    expect(html).toContain('Overdue (1)');
    expect(html).toContain('Asked of you (1)');
    expect(html).toMatch(/>1\.<\/b>/);
    expect(html).toMatch(/>2\.<\/b>/);
    expect(html).toContain('not a promise 4');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain('max-width:600px');
  });
});

describe('renderText', () => {
  const text = digest ? renderText(digest) : '';
  it('holds every item, its due reading and the commands', () => {
    expect(text).toContain('OVERDUE (1)');
    expect(text).toContain('1. "I\'ll send <script>');
    expect(text).toContain("you wrote 'Friday' → Fri 13 Nov");
    expect(text).toContain('2. "Could you send the W-9?"');
    expect(text).toContain('snooze 3 monday');
  });
});
