// The pure core the sync loop calls for every new message: which items it creates, which open items it
// closes or moves. No I/O: the caller loads the open items, supplies the thread lookup, stores the result.
import type { Extraction, Message, TrackedItem } from '../types.js';
import { trackInbound } from './apply-inbound.js';
import type { ItemUpdate, TrackContext } from './context.js';
import { trackOutgoing } from './apply-outgoing.js';
import { isTransitionError, transition } from './lifecycle.js';
import type { MessagePlace, NewItem } from './new-item.js';
import { threadIdFor, threadKeys } from './threads.js';
import { isFromMe } from './who.js';

export type { NewItem } from './new-item.js';
export type { ItemUpdate, TrackContext } from './context.js';

export interface TrackState {
  /** The items still in play: status open or snoozed. Others are ignored. */
  openItems: readonly TrackedItem[];
  /** Thread lookup by message id or thread key (see threadKeys); undefined when unknown. */
  threadOf: (key: string) => string | undefined;
}

export interface TrackResult {
  /** The message's thread, and the keys to record against it so later mails find it. */
  threadId: string;
  threadKeys: string[];
  newItems: NewItem[];
  updates: ItemUpdate[];
}

export function trackMessage(
  state: TrackState,
  message: Message,
  extraction: Extraction | null,
  ctx: TrackContext,
): TrackResult {
  const threadId = threadIdFor(message, state.threadOf);
  const keys = threadKeys(message);
  const place: MessagePlace = { message, threadId, sentAt: (message.date ?? ctx.now).toISOString() };
  const live = state.openItems.filter(
    (item) => (item.status === 'open' || item.status === 'snoozed') && item.messageId !== message.id,
  );
  const found = isFromMe(message, ctx.me)
    ? trackOutgoing(live, place, extraction, ctx)
    : trackInbound(live, place, extraction, ctx);
  return { threadId, threadKeys: keys, ...found };
}

/** Snoozed items whose time has come, opened again. For the scheduler, not tied to any message. */
export function wakeExpired(items: readonly TrackedItem[], now: Date): ItemUpdate[] {
  const updates: ItemUpdate[] = [];
  for (const item of items) {
    if (item.status !== 'snoozed') continue;
    const woken = transition(item, { type: 'wake' }, now);
    if (!isTransitionError(woken)) updates.push({ id: item.id, item: woken, reason: 'snooze ended' });
  }
  return updates;
}
