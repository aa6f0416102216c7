// The node-cron adapter: the only file that imports node-cron.
import cron from 'node-cron';

export interface CronFields {
  minute: number[];
  hour: number[];
  dayOfMonth: number[];
  month: number[];
  /** 0 = Sunday. */
  dayOfWeek: number[];
}

/** The expression's fields as numbers (names like "mon" resolved by node-cron). */
export function cronFields(expression: string): CronFields {
  const parsed = cron.parse(expression);
  const numbers = (values: (number | string)[]) => values.map(Number).filter((n) => !Number.isNaN(n));
  return {
    minute: parsed.minute,
    hour: parsed.hour,
    dayOfMonth: numbers(parsed.dayOfMonth),
    month: parsed.month,
    dayOfWeek: numbers(parsed.dayOfWeek).map((d) => d % 7),
  };
}

export interface CronJob {
  stop(): void;
  nextRun(): Date | null;
}

/** Runs `job` on the schedule, in `timezone` (node-cron applies the zone's rules, DST included). */
export function scheduleCron(
  expression: string,
  timezone: string,
  job: () => Promise<void>,
  name = 'followthru-digest',
): CronJob {
  const task = cron.schedule(expression, () => job(), { timezone, noOverlap: true, name });
  return { stop: () => void task.stop(), nextRun: () => task.getNextRun() };
}
