// Is a daemon using the store right now? `followthru run` keeps a lock file beside the store holding its pid
// (`<store>.lock`, see scheduler/); this reads any such file generically (`.lock` or `.pid`), so a command that
// must not run under a daemon (restore) can refuse. A pid that is no longer running is a stale lock: ignored.
import { readFileSync } from 'node:fs';

export const HOLDER_FILES = ['.lock', '.pid'] as const;

export interface Holder {
  pid: number;
  /** The lock file that names it. */
  file: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but is another user's
  }
}

/** The live process that holds the store, or null. */
export function storeHolder(storePath: string, running: (pid: number) => boolean = isRunning): Holder | null {
  for (const suffix of HOLDER_FILES) {
    const file = `${storePath}${suffix}`;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const pid = Number.parseInt(/\d+/.exec(text)?.[0] ?? '', 10);
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && running(pid)) return { pid, file };
  }
  return null;
}
