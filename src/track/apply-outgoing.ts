// A mail FROM the user: it makes promises, may wait for a reply, and may keep promises, nudge waiting threads
// and answer questions put to the user.
import { offsetOfZone } from '../calendar/index.js';
import type { Address, Extraction, TrackedItem } from '../types.js';
import { findAnswer } from './answered.js';
import type { ItemUpdate, TrackContext } from './context.js';
import { onUserFollowUp } from './cadence.js';
import { CHECK_IN_AFTER_DAYS, checkInItems } from './check-in.js';
import { findKeptEvidence } from './fulfilment.js';
import { isTransitionError, transition } from './lifecycle.js';
import { fromCommitment, fromMail, type MessagePlace, type NewItem } from './new-item.js';
import { readTrackTag, TRACK_ADDRESS_RULE } from './track-tag.js';
import { isMe, recipients, sameAddress, uniqueAddresses } from './who.js';

function othersAmong(list: readonly Address[], ctx: TrackContext): Address[] {
  const track = ctx.trackAddress;
  return uniqueAddresses(list.filter((a) => !isMe(a, ctx.me) && !(track && sameAddress(a, track))));
}

function updateFor(item: TrackedItem, place: MessagePlace, ctx: TrackContext): ItemUpdate | null {
  const { message, threadId } = place;
  if (item.kind === 'promise') {
    const evidence = findKeptEvidence(item, message, ctx.me, { threadId, now: ctx.now });
    const kept = evidence ? transition(item, { type: 'kept', evidence }, ctx.now) : null;
    if (!evidence || !kept || isTransitionError(kept)) return null;
    const how = evidence.attachment ? `attachment ${evidence.attachment}` : `your mail "${message.subject}"`;
    return { id: item.id, item: kept, reason: `kept: ${how}` };
  }
  if (item.kind === 'asked-of-you') {
    const evidence = findAnswer(item, message, threadId, ctx.me, ctx.now);
    const answered = evidence ? transition(item, { type: 'answered', messageId: message.id, evidence }, ctx.now) : null;
    if (!answered || isTransitionError(answered)) return null;
    return { id: item.id, item: answered, reason: 'answered: you replied' };
  }
  // awaiting-reply, their-promise: the user writing again in the thread is a nudge.
  if (item.threadId !== threadId) return null;
  const nudged = onUserFollowUp(item, message, ctx.now);
  return nudged === item ? null : { id: item.id, item: nudged, reason: `you followed up (nudge ${nudged.nudges})` };
}

export function trackOutgoing(
  live: readonly TrackedItem[],
  place: MessagePlace,
  extraction: Extraction | null,
  ctx: TrackContext,
): { newItems: NewItem[]; updates: ItemUpdate[] } {
  const { message, threadId } = place;
  const updates = live.map((item) => updateFor(item, place, ctx)).filter((u): u is ItemUpdate => u !== null);
  const toOthers = othersAmong(recipients(message), ctx);

  const newItems: NewItem[] = (extraction?.commitments ?? []).map((commitment) => {
    const promisedTo = othersAmong(commitment.counterparties, ctx);
    return fromCommitment('promise', place, commitment, promisedTo.length > 0 ? promisedTo : toOthers);
  });

  const sent = new Date(place.sentAt);
  const tag = ctx.trackAddress
    ? readTrackTag(recipients(message), ctx.trackAddress, sent, ctx.timeZone, offsetOfZone(sent, ctx.timeZone))
    : undefined;
  const tracked = tag !== undefined;
  // A thread already waiting for a reply was nudged above; a second awaiting-reply would double-count it.
  const alreadyWaiting = live.some((item) => item.kind === 'awaiting-reply' && item.threadId === threadId);
  if ((tracked || extraction?.expectsReply) && toOthers.length > 0 && !alreadyWaiting) {
    const waiting = fromMail(
      'awaiting-reply',
      place,
      toOthers,
      tracked ? TRACK_ADDRESS_RULE : 'expects-reply',
      tracked ? 1 : 0.8,
    );
    // "+3d", "+fri": the user said when to follow up; the item sleeps until that morning.
    newItems.push(
      tag?.wakeAt ? { ...waiting, status: 'snoozed', snoozedUntil: tag.wakeAt.toISOString(), due: tag.due } : waiting,
    );
  }
  newItems.push(
    ...checkInItems(
      place,
      extraction?.milestones ?? [],
      toOthers,
      ctx.checkInAfterDays ?? CHECK_IN_AFTER_DAYS,
      ctx.timeZone,
    ),
  );
  return { newItems, updates };
}
