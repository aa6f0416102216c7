// The life of a tracked item as data: which event may move which status (and kind) to which status.
// transition() is pure: it returns a new item or an error, and stamps updatedAt with the `now` it is given.
import type { Evidence, ItemKind, ItemStatus, TrackedItem } from '../types.js';
import { type Day, endOfLocalDay } from '../calendar/index.js';

export type LifecycleEvent =
  | { type: 'kept'; evidence: Evidence }
  /** The item's question was answered by message `messageId`; `evidence` describes it when known. */
  | { type: 'answered'; messageId: string; evidence?: Evidence }
  | { type: 'done' }
  | { type: 'drop' }
  | { type: 'snooze'; until: Date }
  | { type: 'reopen' }
  /** A snooze whose time has come (the `now` given to transition) opens the item again. */
  | { type: 'wake' }
  /** The user says the detector was wrong: not a promise, not a question. Ends like drop. */
  | { type: 'notAPromise' };

export type LifecycleEventType = LifecycleEvent['type'];

interface Rule {
  from: readonly ItemStatus[];
  to: ItemStatus;
  /** Kinds the event applies to; all kinds when absent. */
  kinds?: readonly ItemKind[];
}

/** The state machine. Anything not listed is an error, so a stale digest command cannot resurrect an item. */
export const TRANSITIONS: Readonly<Record<LifecycleEventType, Rule>> = {
  kept: { from: ['open', 'snoozed'], to: 'kept', kinds: ['promise', 'their-promise'] },
  answered: {
    from: ['open', 'snoozed'],
    to: 'answered',
    kinds: ['awaiting-reply', 'their-promise', 'asked-of-you'],
  },
  // The user confirming an automatic close (kept, answered) is fine too.
  done: { from: ['open', 'snoozed', 'kept', 'answered'], to: 'done' },
  drop: { from: ['open', 'snoozed', 'kept', 'answered'], to: 'dropped' },
  snooze: { from: ['open', 'snoozed'], to: 'snoozed' },
  reopen: { from: ['kept', 'answered', 'done', 'dropped', 'snoozed'], to: 'open' },
  wake: { from: ['snoozed'], to: 'open' },
  notAPromise: { from: ['open', 'snoozed', 'kept', 'answered', 'done'], to: 'dropped' },
};

export interface TransitionError {
  error: string;
}

export function isTransitionError(result: TrackedItem | TransitionError): result is TransitionError {
  return 'error' in result;
}

export function canTransition(item: TrackedItem, type: LifecycleEventType): boolean {
  const rule = TRANSITIONS[type];
  return rule.from.includes(item.status) && (!rule.kinds || rule.kinds.includes(item.kind));
}

export function transition(item: TrackedItem, event: LifecycleEvent, now: Date): TrackedItem | TransitionError {
  if (!canTransition(item, event.type)) {
    return { error: `cannot ${event.type} a ${item.status} ${item.kind} item (#${item.id})` };
  }
  const next: TrackedItem = { ...item, status: TRANSITIONS[event.type].to, updatedAt: now.toISOString() };
  switch (event.type) {
    case 'kept':
      if (item.rejectedEvidence.includes(event.evidence.messageId)) {
        return { error: `evidence ${event.evidence.messageId} was rejected for item #${item.id}` };
      }
      return { ...next, evidence: event.evidence, snoozedUntil: null };
    case 'answered':
      if (item.rejectedEvidence.includes(event.messageId)) {
        return { error: `answer ${event.messageId} was rejected for item #${item.id}` };
      }
      return {
        ...next,
        evidence: event.evidence ?? answerEvidence(item, event.messageId, now),
        snoozedUntil: null,
      };
    case 'snooze':
      if (event.until.getTime() <= now.getTime()) return { error: 'snooze time must be in the future' };
      return { ...next, snoozedUntil: event.until.toISOString() };
    case 'wake':
      if (item.snoozedUntil && Date.parse(item.snoozedUntil) > now.getTime()) {
        return { error: `item #${item.id} sleeps until ${item.snoozedUntil}` };
      }
      return { ...next, snoozedUntil: null };
    case 'reopen':
      // The evidence the user just rejected must never close this item again.
      return {
        ...next,
        evidence: null,
        snoozedUntil: null,
        rejectedEvidence:
          item.evidence && !item.rejectedEvidence.includes(item.evidence.messageId)
            ? [...item.rejectedEvidence, item.evidence.messageId]
            : item.rejectedEvidence,
      };
    default:
      return { ...next, snoozedUntil: null };
  }
}

function answerEvidence(item: TrackedItem, messageId: string, now: Date): Evidence {
  return {
    messageId,
    subject: item.subject,
    at: now.toISOString(),
    attachment: null,
    words: [],
    confidence: 1,
  };
}

/**
 * Derived, never stored. An open item with a due date is overdue once that local day has fully passed in the
 * user's zone, or, when the due has a time, once that time has passed. Holidays do not move a due date the
 * other side set; the parameter is there so callers treat all time questions alike.
 */
export function isOverdue(item: TrackedItem, now: Date, zone: string, _holidays: readonly Day[] = []): boolean {
  if (item.status !== 'open' || !item.due) return false;
  const deadline = item.due.at ? Date.parse(item.due.at) : endOfLocalDay(item.due.date, zone).getTime();
  return now.getTime() > deadline;
}
