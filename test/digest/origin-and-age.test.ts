// What a line says about where the mail came from and how old it is: "from X · received" for mail they sent,
// the year for another year's mail, and mail older than the backfill window left out.
import { describe, expect, it } from 'vitest';
import { type ComposeOptions, composeDigest } from '../../src/digest/compose.js';
import { shortDay } from '../../src/digest/format.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderText } from '../../src/digest/render-text.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import { item } from './factory.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const o: ComposeOptions = {
  now: NOW,
  timeZone: 'America/Chicago',
  holidays: [],
  lastDigestAt: '2026-11-13T13:30:00.000Z',
  maxItems: 25,
  quiet: false,
  cadence: DEFAULT_CADENCE,
  backfillDays: 30,
};
const erin = [{ name: 'Erin Walsh', address: 'erin@harbor.example' }];

describe('where the mail came from', () => {
  it('asked of you: "from Erin Walsh · received", in text and HTML', () => {
    const digest = composeDigest(
      [item({ kind: 'asked-of-you', counterparties: erin, subject: 'Specs', sentAt: '2026-11-13T15:00:00.000Z' })],
      o,
    );
    const text = renderText(digest!);
    expect(text).toContain('   from Erin Walsh <erin@harbor.example> · "Specs" · received Fri 13 Nov');
    expect(text).not.toMatch(/^ +to Erin Walsh/m);
    expect(renderHtml(digest!)).toContain(
      'from Erin Walsh &lt;erin@harbor.example&gt; · “Specs” · received Fri 13 Nov',
    );
  });

  it('my own promise still reads "to … · sent"', () => {
    const text = renderText(composeDigest([item({ counterparties: erin, sentAt: '2026-11-05T15:00:00.000Z' })], o)!);
    expect(text).toContain('to Erin Walsh <erin@harbor.example> · "Quote" · sent Thu 5 Nov');
  });
});

describe('how old it is', () => {
  it.each([
    ['this year', '2026-04-03T15:00:00Z', 'Fri 3 Apr'],
    ['another year', '2000-04-03T15:00:00Z', 'Mon 3 Apr 2000'],
    ['last year, in the zone', '2026-01-01T03:00:00Z', 'Wed 31 Dec 2025'],
  ])('%s', (_case, instant, expected) => {
    expect(shortDay(new Date(instant), 'America/Chicago', NOW)).toBe(expected);
  });

  it('mail older than the backfill window (by its Date header) is left out of the digest', () => {
    const old = item({ sentAt: '2000-04-03T15:00:00.000Z', due: { date: '2000-04-07', at: null, text: 'Friday' } });
    const recent = item({ sentAt: '2026-11-05T15:00:00.000Z' });
    const digest = composeDigest([old, recent], o);
    const ids = digest?.sections.flatMap((s) => s.lines.map((l) => l.itemId));
    expect(ids).toEqual([recent.id]);
    expect(renderText(digest!)).not.toMatch(/business days late.*\n.*2000|6951/);
    // …and only the window decides: with a longer one the old mail is back, its year shown.
    const all = composeDigest([old], { ...o, backfillDays: 3650 * 10 });
    expect(renderText(all!)).toMatch(/sent Mon 3 Apr 2000/);
  });
});
