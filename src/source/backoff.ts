// Reconnect delays, in the manner of EmailEngine's reconnect backoff: exponential with full jitter, capped, so a
// fleet of clients never reconnects in step. A refused login waits longest (only the user can fix it); a server
// that says "slow down" waits longer than a dropped line. Pure: the random draw is injected.
import { FollowthruError, isRetryable } from '../errors.js';

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** A draw in [0, 1); injected so tests are exact. */
  jitter: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000, jitter: Math.random };

export type FailureKind = 'auth' | 'throttle' | 'transient';

/**
 * Delay before attempt `attempt` (1-based) after a failure of `kind`: a draw in [base/2, min(max, base·2^(attempt-1))];
 * auth waits the cap, throttle starts 8× higher than a transient failure.
 */
export function backoffDelay(
  attempt: number,
  kind: FailureKind = 'transient',
  given?: Partial<BackoffOptions>,
): number {
  const { baseMs, maxMs } = { ...DEFAULT_BACKOFF, ...given };
  const jitter = given?.jitter ?? DEFAULT_BACKOFF.jitter;
  if (kind === 'auth') return maxMs;
  const exponent = Math.max(0, attempt - 1) + (kind === 'throttle' ? 3 : 0);
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 40));
  // Full jitter, but never below half the base: a zero draw must not turn into a tight reconnect loop.
  return Math.max(Math.min(baseMs, ceiling) / 2, Math.round(ceiling * jitter()));
}

// Response codes (RFC 5530) and texts by which servers say "too many connections / too fast" (Gmail, Outlook,
// Yahoo): a retry is right, but not soon. The one list: imap-errors.ts reads the same.
export const THROTTLE_CODES = new Set(['LIMIT', 'UNAVAILABLE', 'INUSE', 'THROTTLED', 'OVERQUOTA']);
export const THROTTLE_TEXT =
  /too many|rate limit|throttl|bandwidth limits|try again later|slow down|temporarily unavailable/i;

/** The chain of causes, outermost first (bounded: a cyclic cause must not hang us). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 8; e = (e as { cause?: unknown }).cause)
    chain.push(e);
  return chain;
}

export function classifyImapError(error: unknown): FailureKind {
  const chain = causes(error);
  const throttled = chain.some((e) => {
    const f = e as {
      code?: unknown;
      serverResponseCode?: unknown;
      responseText?: unknown;
      message?: unknown;
      reason?: unknown;
    };
    if (f.code === 'ETHROTTLE') return true;
    if (typeof f.serverResponseCode === 'string' && THROTTLE_CODES.has(f.serverResponseCode.toUpperCase())) return true;
    return [f.responseText, f.message, f.reason].some((text) => typeof text === 'string' && THROTTLE_TEXT.test(text));
  });
  if (throttled) return 'throttle';
  // An expired OAuth2 sign-in is a refused login too: `followthru login` fixes it, so a delivery waits for it.
  if (error instanceof FollowthruError && (error.code === 'EIMAP_AUTH' || error.code === 'ESIGNIN')) return 'auth';
  // nodemailer's EAUTH: the SMTP server refused the login (535).
  return chain.some((e) => (e as { code?: unknown }).code === 'EAUTH') ? 'auth' : 'transient';
}

/**
 * How a failed delivery is retried on a timer: with the backoff of its kind, or not at all (null) when the server
 * refused for good (an SMTP 5xx, a missing folder, a bad config). A refused login is retried at the longest wait:
 * the user may fix the password (or the provider its outage) before the day is over.
 */
export function retryKindOf(error: unknown): FailureKind | null {
  const kind = classifyImapError(error);
  return kind !== 'transient' || isRetryable(error) ? kind : null;
}
