import { describe, expect, it } from 'vitest';
import { KEEP_ORDER, SECTIONS, SHOWN_ORDER } from '../../src/digest/sections.js';

describe('the section table', () => {
  it('shows the daily sections top to bottom, most pressing first', () => {
    expect(SHOWN_ORDER).toEqual([
      'overdue',
      'due-today',
      'coming-up',
      'waiting',
      'asked-of-you',
      'keep-in-touch',
      'kept',
    ]);
  });

  it('cuts Coming up first when maxItems cuts (it comes back tomorrow), and Kept late (it is shown once)', () => {
    expect(KEEP_ORDER).toEqual([
      'overdue',
      'due-today',
      'waiting',
      'asked-of-you',
      'kept',
      'keep-in-touch',
      'coming-up',
    ]);
  });

  it('gives each daily section its own places, and the weekly-only one none', () => {
    const daily = Object.values(SECTIONS).flatMap((s) => (s.daily ? [s.daily] : []));
    expect(new Set(daily.map((d) => d.shown)).size).toBe(daily.length);
    expect(new Set(daily.map((d) => d.kept)).size).toBe(daily.length);
    expect(SECTIONS['still-open'].daily).toBeNull();
  });
});
