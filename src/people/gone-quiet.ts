// Who went quiet: a person the user used to write to regularly, with no exchange for well over their usual gap.
// Pure: people's days of mail and `now` in, the suggestions (longest-silent and most-frequent first) out.

/** One person's mail days, as the store keeps them (UTC days, YYYY-MM-DD). */
export interface PersonStats {
  address: string;
  name: string;
  /** Distinct days the user wrote to them. */
  sentDays: readonly string[];
  /** Distinct days with mail either way. */
  days: readonly string[];
  /** The last mail either way: what the suggestion quotes. */
  last: { subject: string; at: string; messageId: string; threadId: string };
}

export interface GoneQuietOptions {
  now: Date;
  /** Exchanges (distinct days with mail either way) within the last year. Default 3. */
  minExchanges: number;
  /** The least silence, in days, that counts as gone quiet. Default 14. */
  floorDays: number;
}

export interface GoneQuiet {
  person: PersonStats;
  /** Days since the last exchange either way. */
  silentDays: number;
  /** The median gap between the user's days of writing to them, in days. */
  usualGapDays: number;
  exchanges: number;
}

const DAY = 86_400_000;
const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY);

/** The median gap, in days, between consecutive distinct days; null with fewer than two days. */
export function usualGap(days: readonly string[]): number | null {
  const sorted = [...new Set(days)].map(dayNumber).sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((d, i) => d - (sorted[i] ?? d));
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  return gaps.length % 2 === 1 ? (gaps[mid] ?? 0) : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2;
}

export function goneQuiet(people: readonly PersonStats[], o: GoneQuietOptions): GoneQuiet[] {
  const today = Math.floor(o.now.getTime() / DAY);
  const found: GoneQuiet[] = [];
  for (const person of people) {
    const days = [...new Set(person.days)].map(dayNumber).filter((d) => d <= today);
    const exchanges = days.filter((d) => today - d <= 365).length;
    if (exchanges < o.minExchanges) continue;
    const gap = usualGap(person.sentDays);
    if (gap === null) continue; // never wrote to them regularly
    const silentDays = today - Math.max(...days);
    if (silentDays > Math.max(2 * gap, o.floorDays)) found.push({ person, silentDays, usualGapDays: gap, exchanges });
  }
  return found.sort(
    (a, b) =>
      b.silentDays - a.silentDays || b.exchanges - a.exchanges || a.person.address.localeCompare(b.person.address),
  );
}
