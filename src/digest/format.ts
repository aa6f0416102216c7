// Dates and people as the digest writes them, in the user's zone. Pure.
import type { Address } from '../types.js';

const yearIn = (instant: Date, zone: string): string =>
  new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: zone }).format(instant);

/**
 * "Fri 13 Nov"; "Mon 3 Apr 2000" when the day is not in the year of `now` (mail from another year must not
 * read as this year's). Without `now`, the year is never shown.
 */
export function shortDay(instant: Date, zone: string, now?: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = now && yearIn(now, zone) !== yearIn(instant, zone) ? ` ${yearIn(instant, zone)}` : '';
  return `${get('weekday')} ${get('day')} ${get('month')}${year}`;
}

/** A calendar day (YYYY-MM-DD) written the same way, read at noon UTC so no zone moves it. */
export function shortCalendarDay(day: string, now?: Date): string {
  return shortDay(new Date(`${day}T12:00:00Z`), 'UTC', now);
}

export function person(address: Address): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

export function firstName(address: Address | undefined): string {
  const name = address?.name.replace(/^"|"$/g, '').trim() ?? '';
  if (!name) return 'there';
  // "Shah, Priya" → Priya
  const first = name.includes(',') ? name.split(',')[1]?.trim().split(/\s+/)[0] : name.split(/\s+/)[0];
  return first || 'there';
}
