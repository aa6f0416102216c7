// The digest's sections, once: each one's title, its accents in light and dark mode, and its place in the daily
// digest. Adding a section is its name in types.ts (DigestSection), an entry here, and the rule in place.ts that
// puts items in it; the Record makes a missing entry a type error. Pure data.
import type { DigestSection } from '../types.js';

export interface SectionSpec {
  title: string;
  /** Keeps 4.5:1 contrast on white. */
  accent: string;
  /** Keeps 4.5:1 on the dark background (#16191d). */
  darkAccent: string;
  /**
   * Where the daily digest shows it (`shown`, top first) and how late it loses its lines when maxItems cuts
   * (`kept`, first kept first); null for a section only the weekly review has.
   */
  daily: { shown: number; kept: number } | null;
}

// Coming up is cut first because it comes back tomorrow; Kept goes late because it is shown only once.
export const SECTIONS: Readonly<Record<DigestSection, SectionSpec>> = {
  overdue: { title: 'Overdue', accent: '#c0392b', darkAccent: '#ff8a80', daily: { shown: 1, kept: 1 } },
  'due-today': { title: 'Due today', accent: '#b34700', darkAccent: '#ffb74d', daily: { shown: 2, kept: 2 } },
  'coming-up': { title: 'Coming up', accent: '#2471a3', darkAccent: '#7fb8ea', daily: { shown: 3, kept: 7 } },
  waiting: { title: 'Waiting on them', accent: '#7d3c98', darkAccent: '#d2a8ff', daily: { shown: 4, kept: 3 } },
  'asked-of-you': { title: 'Asked of you', accent: '#117a65', darkAccent: '#5fd3b5', daily: { shown: 5, kept: 4 } },
  'keep-in-touch': { title: 'Keep in touch', accent: '#2e7d32', darkAccent: '#81c784', daily: { shown: 6, kept: 6 } },
  kept: { title: 'Kept since the last digest', accent: '#5d6d7e', darkAccent: '#b0bec5', daily: { shown: 7, kept: 5 } },
  'still-open': { title: 'Still open', accent: '#b34700', darkAccent: '#ffb74d', daily: null },
};

const names = Object.keys(SECTIONS) as DigestSection[];
const dailyBy = (key: 'shown' | 'kept'): DigestSection[] =>
  names
    .filter((s) => SECTIONS[s].daily !== null)
    .sort((a, b) => (SECTIONS[a].daily?.[key] ?? 0) - (SECTIONS[b].daily?.[key] ?? 0));

/** The daily digest's sections in the order shown. */
export const SHOWN_ORDER: readonly DigestSection[] = dailyBy('shown');
/** The daily digest's sections in the order they keep their lines when maxItems cuts. */
export const KEEP_ORDER: readonly DigestSection[] = dailyBy('kept');

export const SECTION_TITLES: Readonly<Record<DigestSection, string>> = Object.fromEntries(
  names.map((s) => [s, SECTIONS[s].title]),
) as Record<DigestSection, string>;
