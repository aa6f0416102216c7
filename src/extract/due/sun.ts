// When the sun enters a sign of the sidereal zodiac (a sankranti): the day the Hindu solar months begin, and with
// them Makar Sankranti (Pongal, Maghi), Vaisakhi and the Bengali new year. Low-precision solar longitude from
// Meeus, "Astronomical Algorithms", ch. 25 (about 0.01°, a quarter of an hour), and the Lahiri ayanamsa.

const DAY_MS = 86_400_000;
const J2000 = Date.UTC(2000, 0, 1, 12);
const rad = (deg: number) => (deg * Math.PI) / 180;
const mod360 = (deg: number) => ((deg % 360) + 360) % 360;

/** The sun's apparent ecliptic longitude (tropical), in degrees, at an instant. */
export function solarLongitude(instant: number): number {
  const t = (instant - J2000) / DAY_MS / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * m) +
    0.000289 * Math.sin(3 * m);
  const omega = rad(125.04 - 1934.136 * t);
  return mod360(l0 + c - 0.00569 - 0.00478 * Math.sin(omega));
}

/** Lahiri ayanamsa: how far the sidereal zodiac lags the tropical one (23.85° in 2000, 50.29" a year more). */
export function ayanamsa(instant: number): number {
  const years = (instant - J2000) / DAY_MS / 365.25;
  return 23.853 + (50.29 / 3600) * years;
}

export function siderealSolarLongitude(instant: number): number {
  return mod360(solarLongitude(instant) - ayanamsa(instant));
}

/** The instant (ms) in Gregorian `year` when the sun's sidereal longitude reaches `longitude` (a multiple of 30). */
export function sankranti(year: number, longitude: number): number {
  // The sun moves about 0.9856° a day; start from a rough guess and refine: it converges in a few steps.
  let instant = Date.UTC(year, 0, 14) + (mod360(longitude - 270) / 0.9856) * DAY_MS;
  for (let i = 0; i < 8; i++) {
    const behind = ((mod360(longitude - siderealSolarLongitude(instant)) + 180) % 360) - 180;
    instant += (behind / 0.9856) * DAY_MS;
  }
  return instant;
}
