import { describe, expect, it } from 'vitest';
import { DEMO_NOW, runDemo } from '../../src/cli/demo.js';

// The expected digest is specified in sample/README.md.
describe('followthru demo on the bundled sample mailbox', async () => {
  const { text, html, counts, review } = await runDemo(new Date(DEMO_NOW));
  const section = (title: string) => {
    const start = text.indexOf(`${title.toUpperCase()} (`);
    const rest = text.slice(start + 1);
    const end = rest.search(/\n[A-Z][A-Z ]+ \(\d+\)\n|\n--\n/);
    return start === -1 ? '' : rest.slice(0, end);
  };

  it('reads every mail of the sample', () => expect(counts.messages).toBe(37));

  it.each([
    ['Overdue', ["I'll send you the revised quote by Friday.", "I'll email you the warranty comparison tomorrow."]],
    ['Due today', ["I'll get you the interconnection paperwork on Monday."]],
    [
      'Coming up',
      [
        'I will call you Wednesday to walk through the financing options.',
        "I'll send the site survey report by Thursday.",
      ],
    ],
    ['Waiting on them', ['Rooftop solar options for Ellis & Park', 'Site visit at 1420 Commerce Dr']],
    ['Asked of you', ['W-9 for accounts payable']],
    ['Kept since the last digest', ["I'll send you the brochure tomorrow.", 'Northwind-Brochure-2026.pdf']],
  ])('%s holds what the story says', (title, expected) => {
    const body = section(title);
    for (const text_ of expected) expect(body).toContain(text_);
  });

  it('Keep in touch names the two people gone quiet, and no newsletter', () => {
    const body = section('Keep in touch');
    expect(body).toContain('Laura Chen');
    expect(body).toContain('Tom Okafor');
    expect(body).not.toMatch(/Solar Trade Weekly|newsletter/i);
  });

  it.each([
    ['the newsletter', 'Solar Trade Weekly'],
    ['the out-of-office', 'Automatic reply'],
    ["someone else's action", 'John will send the permit forms'],
    ['a past action', 'I sent the contract yesterday'],
    ['whereabouts', "I'll be out of the office Friday"],
    ['a conditional offer', 'I can set up a call'],
    ['a question', 'Should I send the specs too?'],
    ['a polite closer', 'Let me know if you have any questions'],
  ])('never shows %s', (_name, phrase) => {
    expect(text).not.toContain(phrase);
  });

  it('never counts a quoted promise twice', () => {
    expect(text.split("I'll send you the revised quote by Friday.").length - 1).toBe(1);
  });

  it('shows what the weekly review would count, from the same store', () => {
    expect(review[0]).toBe('The last 7 days (Tue 10 Nov – Mon 16 Nov):');
    expect(review.join('\n')).toMatch(/^Promises: \d+ made · \d+ kept on time/m);
    expect(review.join('\n')).toContain('People gone quiet: 2');
    expect(review.join('\n')).toMatch(/^Oldest open promise: 1\. "/m);
  });

  it('renders the same digest as HTML', () => {
    for (const title of [
      'Overdue',
      'Due today',
      'Coming up',
      'Waiting on them',
      'Asked of you',
      'Kept since the last digest',
    ]) {
      expect(html).toContain(`${title} (`);
    }
  });
});
