// The chrono-node adapter: the only file that imports chrono-node.
import * as chrono from 'chrono-node';
import type { LocalDay } from './calendar.js';
import { localDayOf } from './calendar.js';

export interface ChronoHit {
  index: number;
  text: string;
  day: LocalDay;
  time: { hour: number; minute: number } | null;
  /** The phrase named a day (date, weekday, today/tomorrow), not only a part of the day. */
  namesDay: boolean;
  /** The phrase was only a weekday name ("Friday"). */
  weekdayOnly: boolean;
}

/** Every time expression chrono finds in `text`, read forward from `reference` in the sender's UTC offset. */
export function chronoHits(text: string, reference: Date, offsetMinutes: number): ChronoHit[] {
  const results = chrono.casual.parse(text, { instant: reference, timezone: offsetMinutes }, { forwardDate: true });
  return results.map((result) => {
    const start = result.start;
    const namesDay =
      start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month') || /today|tomorrow/i.test(result.text);
    return {
      index: result.index,
      text: result.text,
      day: localDayOf(start.date(), offsetMinutes),
      time: start.isCertain('hour') ? { hour: start.get('hour') ?? 0, minute: start.get('minute') ?? 0 } : null,
      namesDay,
      weekdayOnly: start.isCertain('weekday') && !start.isCertain('day'),
    };
  });
}
