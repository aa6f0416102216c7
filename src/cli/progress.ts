// Progress for long syncs: a bar on a terminal, a log line every few seconds otherwise. The only cli-progress
// importer.
import cliProgress from 'cli-progress';
import type { Logger } from '../log.js';
import type { Progress } from '../sync/sync.js';

export function progressReporter(log: Logger, label: string): { update: Progress; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} mails  {eta_formatted} left`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (total === 0) return;
        if (!started) bar.start(total, done);
        started = true;
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (total > 0 && (done === total || now - last > 5_000)) {
        last = now;
        log.info({ done, total }, `${label}: ${done}/${total} mails`);
      }
    },
    stop: () => undefined,
  };
}
