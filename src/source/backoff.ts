// Reconnect delays: exponential with full jitter, capped; a refused login waits long (the user must act). Pure.
import { FollowthruError } from '../errors.js';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0..1, injected so tests are exact. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, random: Math.random };

export type FailureKind = 'auth' | 'transient';

export function classifyFailure(error: unknown): FailureKind {
  return error instanceof FollowthruError && error.code === 'EIMAP_AUTH' ? 'auth' : 'transient';
}

/** Delay before attempt `attempt` (1-based) after `kind` failures: never 0, never a tight loop. */
export function backoffDelay(attempt: number, kind: FailureKind, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (kind === 'auth') return policy.maxMs;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(policy.baseMs / 2, Math.round(ceiling * policy.random()));
}
