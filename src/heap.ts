// How fast the heap may grow. After a full collection V8 raises a busy heap's limit by a factor it picks (up to
// 4x), so a long first sync, whose garbage outlives a batch and dies in the old space, held 220-270 MiB resident
// at 10,000 mails while its live heap stayed at 36 MiB. A smaller step keeps full collections coming as the old
// space fills: resident memory then follows the live heap, not the mail count. It is a soft bound, unlike
// --max-old-space-size, which aborts the process when live data outgrows it.
import { setFlagsFromString } from 'node:v8';

/** The old space's limit grows by at most this share after a full collection. */
export const HEAP_GROWING_PERCENT = 25;

const FLAG = '--heap-growing-percent';

/** Run once, first thing, by the process shell (and by the benchmark's sync child, so it measures what runs).
 * A value the user gave node (`--heap-growing-percent` in its flags or NODE_OPTIONS) is left as it is. */
export function tuneHeap(): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((flag) => flag.startsWith(FLAG))) return;
  setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}
