import { describe, expect, it } from 'vitest';
import { foldLine, icsText, toIcs } from '../../src/cli/ics-format.js';
import type { TrackedItem } from '../../src/types.js';

const base: TrackedItem = {
  id: 7,
  account: 'default',
  kind: 'promise',
  status: 'open',
  text: 'I will send the quote, revised; by Friday.',
  action: 'send the quote',
  due: { date: '2026-11-20', at: null, text: 'Friday' },
  counterparties: [{ name: 'Priya Shah', address: 'priya@harbor.example' }],
  messageId: 'm1',
  threadId: 't1',
  subject: 'Quote',
  sentAt: '2026-11-16T15:00:00.000Z',
  rule: 'i-will',
  confidence: 0.9,
  evidence: null,
  snoozedUntil: null,
  nudges: 0,
  clockStartedAt: '2026-11-16T15:00:00.000Z',
  rejectedEvidence: [],
  updatedAt: '2026-11-16T15:00:00.000Z',
};
const NOW = new Date('2026-11-16T13:30:00Z');

describe('toIcs', () => {
  it('writes one all-day event per open dated promise, escaped', () => {
    const ics = toIcs([base], NOW, 'northwind.example');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261120\r\n');
    expect(ics).toContain('UID:followthru-item-7@northwind.example\r\n');
    expect(ics).toContain('SUMMARY:Promised: send the quote (Priya Shah)');
    expect(ics.replace(/\r\n /g, '')).toContain('I will send the quote\\, revised\\; by Friday.');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('uses the exact time when the promise had one', () => {
    const ics = toIcs(
      [{ ...base, due: { date: '2026-11-20', at: '2026-11-20T17:00:00-06:00', text: 'by 5pm Friday' } }],
      NOW,
    );
    expect(ics).toContain('DTSTART:20261120T230000Z\r\n');
  });

  it.each([
    ['no due date', { due: null }],
    ['already kept', { status: 'kept' as const }],
    ['dropped', { status: 'dropped' as const }],
  ])('leaves out an item with %s', (_name, patch) => {
    expect(toIcs([{ ...base, ...patch }], NOW)).not.toContain('BEGIN:VEVENT');
  });
});

describe('RFC 5545 details', () => {
  it.each([
    ['a;b,c\\d\ne', 'a\\;b\\,c\\\\d\\ne'],
    ['bare\rCR and\r\nCRLF', 'bare\\nCR and\\nCRLF'],
  ])('escapes %j', (input, output) => expect(icsText(input)).toBe(output));

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });
});
