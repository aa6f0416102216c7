// Which Date headers are believed. A mail dated in year 9999 once put due days past the calendar's end, and one
// dated 1970 (a client's zero) puts every "by Friday" half a century in the past. Pure: `now` is passed in.
import type { Message } from '../types.js';

/** No mail followthru reads was written before this; a date before it is a broken client's, not the sender's. */
export const EARLIEST_BELIEVED = new Date('1990-01-01T00:00:00Z');
/** A sender's clock may run fast and zones confuse; more than a day ahead of now is not a clock, it is made up. */
export const FUTURE_SLACK_MS = 86_400_000;

export function isBelievableDate(date: Date, now: Date): boolean {
  const ms = date.getTime();
  return ms >= EARLIEST_BELIEVED.getTime() && ms <= now.getTime() + FUTURE_SLACK_MS;
}

/** The mail as ingest reads it: a Date outside the window is treated as no Date at all. */
export function withBelievableDate(message: Message, now: Date): Message {
  return message.date && !isBelievableDate(message.date, now) ? { ...message, date: null } : message;
}
