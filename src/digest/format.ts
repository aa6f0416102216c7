// Dates and people as the digest writes them, in the user's zone. Pure.
import type { Address } from '../types.js';

/** "Fri 13 Nov". */
export function shortDay(instant: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}`;
}

/** A calendar day (YYYY-MM-DD) written the same way, read at noon UTC so no zone moves it. */
export function shortCalendarDay(day: string): string {
  return shortDay(new Date(`${day}T12:00:00Z`), 'UTC');
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
