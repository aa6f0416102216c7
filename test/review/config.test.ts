// weeklyReview in the config: on by default on Friday afternoon, its cron checked like digest.cron.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { minimal } from '../config/helpers.js';

const parse = (extra: Record<string, unknown>) => parseConfig({ ...minimal(), ...extra }, '/tmp/config.json');
const problem = (extra: Record<string, unknown>) => {
  try {
    parse(extra);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('weeklyReview config', () => {
  it('defaults to on, Friday 16:00 in the digest zone', () => {
    expect(parse({}).weeklyReview).toEqual({ enabled: true, cron: '0 16 * * 5' });
  });

  it('takes a cron and can be turned off', () => {
    expect(parse({ weeklyReview: { enabled: false, cron: '0 9 * * 1' } }).weeklyReview).toEqual({
      enabled: false,
      cron: '0 9 * * 1',
    });
  });

  it.each([
    [{ cron: 'friday afternoon' }, 'weeklyReview.cron: expected a cron expression of 5 fields'],
    [{ enabled: 'yes' }, 'weeklyReview.enabled: expected true or false'],
    [{ day: 'friday' }, 'weeklyReview.day: is not a known setting'],
  ])('refuses %j', (block, expected) => {
    expect(problem({ weeklyReview: block })).toContain(expected);
  });
});
