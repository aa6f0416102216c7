import { describe, expect, it } from 'vitest';
import { sankranti, siderealSolarLongitude, solarLongitude } from '../../../src/extract/due/sun.js';

const HOUR = 3_600_000;

describe('the sun in the sidereal zodiac', () => {
  it('puts the tropical longitude at 0° at the March equinox (2013-03-20 11:02 UTC) and 90° at the June solstice', () => {
    const equinox = Date.UTC(2013, 2, 20, 11, 2);
    expect(Math.min(solarLongitude(equinox), 360 - solarLongitude(equinox))).toBeLessThan(0.02);
    expect(Math.abs(solarLongitude(Date.UTC(2013, 5, 21, 5, 4)) - 90)).toBeLessThan(0.02);
  });

  // Published Makar and Mesha sankranti times (Indian almanacs), in UTC; ours are within half an hour.
  it.each([
    ['Makar 2018', 2018, 270, Date.UTC(2018, 0, 14, 8, 15)],
    ['Makar 2019', 2019, 270, Date.UTC(2019, 0, 14, 14, 20)],
    ['Makar 2021', 2021, 270, Date.UTC(2021, 0, 14, 2, 44)],
    ['Mesha 2018', 2018, 0, Date.UTC(2018, 3, 14, 2, 43)],
  ])('%s', (_name, year, longitude, published) => {
    const instant = sankranti(year, longitude);
    expect(Math.abs(instant - published)).toBeLessThan(HOUR / 2);
    expect(Math.abs(((siderealSolarLongitude(instant) - longitude + 540) % 360) - 180)).toBeLessThan(0.001);
  });
});
