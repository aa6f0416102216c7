// Pure: was a digest due earlier today (in the user's zone)? For the daemon that was down at digest time: it
// sends once when it comes back the same day, and never twice (the store keeps one digest per day).
import { addDays, localDay, zonedInstant } from '../track/business-days.js';
import type { CronFields } from './cron.js';

interface LocalClock {
  day: string;
  minuteOfDay: number;
  weekday: number;
  dayOfMonth: number;
  month: number;
}

function localClock(now: Date, zone: string): LocalClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hour12: false, hour: '2-digit', minute: '2-digit', weekday: 'short',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = localDay(now, zone);
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    day,
    minuteOfDay: (Number(get('hour')) % 24) * 60 + Number(get('minute')),
    weekday: weekdays.indexOf(get('weekday')),
    dayOfMonth: Number(day.slice(8, 10)),
    month: Number(day.slice(5, 7)),
  };
}

/** The latest scheduled digest time today that is not after `now`, or null when none was due yet today. */
export function slotEarlierToday(fields: CronFields, now: Date, zone: string): Date | null {
  const clock = localClock(now, zone);
  const dayMatches =
    fields.month.includes(clock.month) &&
    fields.dayOfMonth.includes(clock.dayOfMonth) &&
    fields.dayOfWeek.includes(clock.weekday);
  if (!dayMatches) return null;
  for (let minute = clock.minuteOfDay; minute >= 0; minute--) {
    const hour = Math.floor(minute / 60);
    if (fields.hour.includes(hour) && fields.minute.includes(minute % 60)) {
      return zonedInstant(clock.day, hour, minute % 60, 0, 0, zone);
    }
  }
  return null;
}

function dayMatches(fields: CronFields, day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return (
    fields.month.includes(Number(day.slice(5, 7))) &&
    fields.dayOfMonth.includes(Number(day.slice(8, 10))) &&
    fields.dayOfWeek.includes(weekday)
  );
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
