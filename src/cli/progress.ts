// Progress for long syncs: a bar on a terminal, one log line every few seconds otherwise (systemd's journal).
// Both say mails done, the rate, and the time left. The only cli-progress importer.
import cliProgress from 'cli-progress';
import type { Logger } from '../log.js';
import type { Progress } from '../sync/sync.js';

/** "1m 05s", "42s", "2h 03m". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export interface ProgressFigures {
  done: number;
  total: number;
  /** Mails per second since the sync started; null before the first batch is done. */
  rate: number | null;
  /** Seconds left at that rate; null while the rate is unknown. */
  left: number | null;
}

/** Pure: what to show after `done` of `total` mails in `elapsedMs`. */
export function progressFigures(done: number, total: number, elapsedMs: number): ProgressFigures {
  const rate = done > 0 && elapsedMs > 0 ? done / (elapsedMs / 1000) : null;
  return { done, total, rate, left: rate ? (total - done) / rate : null };
}

export function progressLine(label: string, f: ProgressFigures): string {
  const rate = f.rate === null ? '' : `, ${f.rate.toFixed(f.rate < 10 ? 1 : 0)} mails/s`;
  const left = f.left === null ? '' : `, ${duration(f.left)} left`;
  return `${label}: ${f.done}/${f.total} mails${rate}${left}`;
}

export function progressReporter(
  log: Logger,
  label: string,
  clock: () => number = () => performance.now(),
): { update: Progress; stop(): void } {
  const started = clock();
  const figures = (done: number, total: number) => progressFigures(done, total, clock() - started);
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} mails  {rate}  {left}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let running = false;
    const payload = (f: ProgressFigures) => ({
      rate: f.rate === null ? '' : `${f.rate.toFixed(0)} mails/s`,
      left: f.left === null ? '' : `${duration(f.left)} left`,
    });
    return {
      update(done, total) {
        if (total === 0) return;
        const f = figures(done, total);
        if (!running) bar.start(total, done, payload(f));
        running = true;
        bar.update(done, payload(f));
      },
      stop: () => running && bar.stop(),
    };
  }
  let last = -Infinity;
  return {
    update(done, total) {
      const now = clock();
      if (total > 0 && (done === total || now - last > 5_000)) {
        last = now;
        const f = figures(done, total);
        log.info(
          { done, total, rate: f.rate, secondsLeft: f.left === null ? null : Math.round(f.left) },
          progressLine(label, f),
        );
      }
    },
    stop: () => undefined,
  };
}
