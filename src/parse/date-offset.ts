// The Date header's own UTC offset: the sender's zone, which "Friday" and "by 5pm" are read in. Pure.

/** RFC 5322 obsolete zone names (section 4.3); "UT", "GMT" and "Z" are 0 like anything unknown. */
const NAMED_ZONES: Record<string, number> = {
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** "Tue, 10 Nov 2026 09:14:00 -0700 (PDT)" → -420; "... EST" → -300; "... GMT" or missing → 0. */
export function offsetOfDateHeader(value: string | undefined): number {
  const text = (value ?? '').replace(/\([^()]*\)\s*$/, '').trim();
  const numeric = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    // A "-0000" or out-of-range offset says "zone unknown" (RFC 5322 3.3): 0.
    if (minutes >= 24 * 60) return 0;
    return numeric[1] === '-' && minutes > 0 ? -minutes : minutes;
  }
  const named = /\b([A-Z]{2,4})$/i.exec(text)?.[1]?.toUpperCase();
  return named ? (NAMED_ZONES[named] ?? 0) : 0;
}
