// Open promises with a due date as an iCalendar file (RFC 5545), to import into any calendar. Pure.
import { printable as p } from '../digest/escape.js';
import type { TrackedItem } from '../types.js';

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks (CRLF, LF or a bare CR). */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF + space (counted in UTF-8 bytes, never splitting a char). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const stamp = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function event(item: TrackedItem, now: Date, domain: string): string[] {
  const due = item.due;
  if (!due) return [];
  const who = p(item.counterparties.map((a) => a.name || a.address).join(', '));
  const when = due.at
    ? [`DTSTART:${stamp(new Date(due.at))}`, `DURATION:PT30M`]
    : [`DTSTART;VALUE=DATE:${due.date.replace(/-/g, '')}`];
  return [
    'BEGIN:VEVENT',
    `UID:followthru-item-${item.id}@${domain}`,
    `DTSTAMP:${stamp(now)}`,
    ...when,
    // Fields from mail through printable(): its own line breaks are ours alone (\n, escaped by icsText).
    `SUMMARY:${icsText(`${item.kind === 'promise' ? 'Promised' : 'They promised'}: ${p(item.action)}${who ? ` (${who})` : ''}`)}`,
    `DESCRIPTION:${icsText(`"${p(item.text)}"\nSubject: ${p(item.subject)}\nYou wrote '${p(due.text)}'.`)}`,
    'END:VEVENT',
  ];
}

export function toIcs(items: readonly TrackedItem[], now: Date, domain = 'followthru.local'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//followthru//promises//EN',
    'CALSCALE:GREGORIAN',
    ...items.filter((i) => i.status === 'open' || i.status === 'snoozed').flatMap((i) => event(i, now, domain)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
