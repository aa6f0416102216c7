// The morning digest as data: which items go in which section, in what order, with what words. Pure: items,
// `now` and the user's settings in, a Digest (or null on a quiet day) out. Placement is in place.ts.
import { withItemNumber } from '../commands/grammar.js';
import { errorMessage } from '../errors.js';
import { localDay } from '../calendar/index.js';
import type { Digest, DigestEntry, DigestLine, DigestSection, TrackedItem } from '../types.js';
import { type PlaceOptions, type Placed, place } from './place.js';
import { KEEP_ORDER, SECTION_TITLES, SHOWN_ORDER } from './sections.js';

export interface ComposeOptions extends PlaceOptions {
  maxItems: number;
  /** Return null on a day with nothing overdue, due today, waiting, asked or newly kept. */
  quiet: boolean;
  /** Told of each item left out because it cannot be placed (a day that does not exist): the shell logs it. */
  onUnplaced?: (item: TrackedItem, reason: string) => void;
}

/** Oldest first inside a section; the item id breaks ties so the numbering is stable from run to run. */
const byAge = (a: Placed, b: Placed) => Date.parse(a.item.sentAt) - Date.parse(b.item.sentAt) || a.item.id - b.item.id;

/** The line gets its number, and its next step names it: "reply \"drop 4\"" is copyable, "drop N" is not. */
function withNumber(p: Placed, number: number): DigestLine {
  return { ...p.line, next: withItemNumber(p.line.next, number), number, section: p.section };
}

/** One item that cannot be placed is left out and reported, never allowed to fail the whole digest. */
function placeOrReport(item: TrackedItem, o: ComposeOptions): Placed | null {
  try {
    return place(item, o);
  } catch (error) {
    o.onUnplaced?.(item, errorMessage(error));
    return null;
  }
}

export function composeDigest(items: readonly TrackedItem[], o: ComposeOptions): Digest | null {
  const placed = items.map((item) => placeOrReport(item, o)).filter((p): p is Placed => p !== null);
  const urgent = placed.filter((p) => p.section !== 'coming-up');
  if (o.quiet && urgent.length === 0) return null;
  const rank = (order: readonly DigestSection[]) => (a: Placed, b: Placed) =>
    order.indexOf(a.section) - order.indexOf(b.section) || byAge(a, b);
  const shown = [...placed].sort(rank(KEEP_ORDER)).slice(0, Math.max(0, o.maxItems)).sort(rank(SHOWN_ORDER));
  let number = 0;
  const sections = SHOWN_ORDER.map((section) => ({
    section,
    title: SECTION_TITLES[section],
    lines: shown.filter((p) => p.section === section).map((p): DigestLine => withNumber(p, ++number)),
  })).filter((s) => s.lines.length > 0);
  const count = (section: DigestSection) => placed.filter((p) => p.section === section).length;
  const parts = [
    count('overdue') && `${count('overdue')} overdue`,
    count('due-today') && `${count('due-today')} due today`,
    count('waiting') && `${count('waiting')} waiting on a reply`,
    count('asked-of-you') && `${count('asked-of-you')} asked of you`,
  ].filter(Boolean);
  const subject = `followthru: ${parts.length ? parts.join(', ') : `${placed.length} to look at`}`;
  return { forDay: localDay(o.now, o.timeZone), subject, sections, more: placed.length - shown.length };
}

/** The numbers a reply to this digest may use, and the items they stand for (what the store records). */
export function digestEntries(digest: Digest): DigestEntry[] {
  return digest.sections.flatMap((s) => s.lines.map((l) => ({ number: l.number, itemId: l.itemId })));
}
