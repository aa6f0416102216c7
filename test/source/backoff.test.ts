import { describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { backoffDelay, classifyImapError } from '../../src/source/backoff.js';

const options = (draw: number) => ({ baseMs: 1_000, maxMs: 60_000, jitter: () => draw });

describe('backoffDelay: exponential, full jitter, capped', () => {
  it.each([
    // attempt, draw, ms
    [1, 0.999, 999],
    [2, 0.999, 1_998],
    [3, 0.5, 2_000],
    [6, 0.999, 31_968],
    [7, 0.999, 59_940],
    [50, 0.999, 59_940],
    [1e6, 0.999, 59_940],
  ])('attempt %i with draw %d waits %i ms', (attempt, draw, ms) =>
    expect(backoffDelay(attempt, 'transient', options(draw))).toBe(ms),
  );

  it.each([
    ['a zero draw', 1, 0],
    ['a zero draw late on', 20, 0],
    ['attempt 0', 0, 0],
  ])('never a tight loop: %s still waits half the base', (_name, attempt, draw) => {
    expect(backoffDelay(attempt, 'transient', options(draw))).toBe(500);
  });

  it('spreads clients: different draws give different delays', () => {
    const delays = [0.1, 0.4, 0.7].map((d) => backoffDelay(5, 'transient', options(d)));
    expect(new Set(delays).size).toBe(3);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(16_000);
  });

  it.each([
    ['auth waits the cap: only the user can fix it', 'auth', 1, 60_000],
    ['throttle starts 8× higher', 'throttle', 1, 7_992],
    ['throttle is capped too', 'throttle', 9, 59_940],
    ['transient is the plain curve', 'transient', 2, 1_998],
  ] as const)('by failure kind: %s', (_name, kind, attempt, ms) =>
    expect(backoffDelay(attempt, kind, options(0.999))).toBe(ms),
  );

  it('has defaults (1 s base, 5 min cap)', () => {
    const delay = backoffDelay(100, 'transient');
    expect(delay).toBeGreaterThanOrEqual(500);
    expect(delay).toBeLessThanOrEqual(300_000);
  });
});

const imapError = (props: Record<string, unknown>) =>
  Object.assign(new Error(String(props.message ?? 'Command failed')), props);
const wrapped = (code: 'EIMAP_AUTH' | 'EIMAP_CONNECT', cause: unknown) =>
  new FollowthruError(code, 'wrapped', { cause });

describe('classifyImapError', () => {
  it.each([
    ['a refused login', new FollowthruError('EIMAP_AUTH', 'refused'), 'auth'],
    [
      'an expired OAuth2 sign-in (only `followthru login` fixes it)',
      new FollowthruError('ESIGNIN', 'sign-in expired: run `followthru login`'),
      'auth',
    ],
    ['a lost connection', new FollowthruError('EIMAP_CONNECT', 'reset'), 'transient'],
    ['a folder error', new FollowthruError('EIMAP_FOLDER', 'gone'), 'transient'],
    ['a bare Node error', Object.assign(new Error('reset'), { code: 'ECONNRESET' }), 'transient'],
    ['not even an Error', 'boom', 'transient'],
    ['null', null, 'transient'],
    ["imapflow's ETHROTTLE", wrapped('EIMAP_CONNECT', imapError({ code: 'ETHROTTLE' })), 'throttle'],
    ['[LIMIT] (RFC 5530)', wrapped('EIMAP_CONNECT', imapError({ serverResponseCode: 'LIMIT' })), 'throttle'],
    ['[UNAVAILABLE]', wrapped('EIMAP_CONNECT', imapError({ serverResponseCode: 'UNAVAILABLE' })), 'throttle'],
    [
      'Gmail: too many simultaneous connections at login',
      wrapped(
        'EIMAP_AUTH',
        imapError({ authenticationFailed: true, responseText: 'Too many simultaneous connections. (Failure)' }),
      ),
      'throttle',
    ],
    [
      'Gmail: bandwidth limits',
      wrapped('EIMAP_CONNECT', imapError({ responseText: 'Account exceeded command or bandwidth limits.' })),
      'throttle',
    ],
    [
      'Outlook: throttled',
      wrapped(
        'EIMAP_CONNECT',
        imapError({ message: 'Request is throttled. Suggested Backoff Time: 29000 milliseconds' }),
      ),
      'throttle',
    ],
  ])('%s → %s', (_name, error, kind) => expect(classifyImapError(error)).toBe(kind));

  it('survives a cyclic cause chain', () => {
    const a: { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(classifyImapError(a)).toBe('transient');
  });
});
