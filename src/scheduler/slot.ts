// Pure: was a digest due earlier today (in the user's zone)? For the daemon that was down at digest time: it
// sends once when it comes back the same day, and never twice (the store keeps one digest per day).
import { addDays, localDay, weekdayOf, zonedInstant, offsetOfZone } from '../calendar/index.js';
import type { CronFields } from './cron.js';

function dayMatches(fields: CronFields, day: string): boolean {
  return (
    fields.month.includes(Number(day.slice(5, 7))) &&
    fields.dayOfMonth.includes(Number(day.slice(8, 10))) &&
    fields.dayOfWeek.includes(weekdayOf(day))
  );
}

/** Minutes since local midnight on the zone's wall clock (DST days included). */
function minuteOfDay(now: Date, zone: string): number {
  const wallMs = now.getTime() + offsetOfZone(now, zone) * 60_000;
  return Math.floor((((wallMs % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

/** The latest scheduled digest time today that is not after `now`, or null when none was due yet today. */
export function slotEarlierToday(fields: CronFields, now: Date, zone: string): Date | null {
  const day = localDay(now, zone);
  if (!dayMatches(fields, day)) return null;
  for (let minute = minuteOfDay(now, zone); minute >= 0; minute--) {
    const hour = Math.floor(minute / 60);
    if (fields.hour.includes(hour) && fields.minute.includes(minute % 60)) {
      return zonedInstant(day, hour, minute % 60, 0, 0, zone);
    }
  }
  return null;
}

/** The first scheduled time strictly after `now` (within a year), in the zone's wall clock, DST included. */
export function nextSlot(fields: CronFields, now: Date, zone: string): Date | null {
  const times = fields.hour.flatMap((h) => fields.minute.map((m) => h * 60 + m)).sort((a, b) => a - b);
  let day = localDay(now, zone);
  for (let i = 0; i < 366; i++, day = addDays(day, 1)) {
    if (!dayMatches(fields, day)) continue;
    for (const t of times) {
      const at = zonedInstant(day, Math.floor(t / 60), t % 60, 0, 0, zone);
      if (at.getTime() > now.getTime()) return at;
    }
  }
  return null;
}
