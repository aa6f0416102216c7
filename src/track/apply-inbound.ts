// A mail FROM someone else: it may answer threads waiting on them, make promises of its own, ask the user
// something, or (an out-of-office) say when they are back.
import type { Extraction, TrackedItem } from '../types.js';
import { findAnswer } from './answered.js';
import type { ItemUpdate, TrackContext } from './context.js';
import { isAutoReply, isBulk, outOfOfficeReturn } from './auto-reply.js';
import { nextBusinessDay, startOfLocalDay } from '../calendar/index.js';
import { isTransitionError, transition } from './lifecycle.js';
import { fromCommitment, fromMail, type MessagePlace, type NewItem } from './new-item.js';
import { includesAddress, isMe, sameAddress, uniqueAddresses } from './who.js';

type Found = { newItems: NewItem[]; updates: ItemUpdate[] };
const WAITING_KINDS = new Set(['awaiting-reply', 'their-promise']);

/**
 * An out-of-office with a return day snoozes every waiting item whose ONLY counterparty is the sender until the
 * start of the next business day after the return (then the cadence resumes, see cadence.ts). Items waiting on
 * several people stay open: someone else may answer.
 */
function holdForReturn(live: readonly TrackedItem[], place: MessagePlace, ctx: TrackContext): ItemUpdate[] {
  const returnDay = outOfOfficeReturn(place.message, ctx.timeZone);
  const sender = place.message.from[0];
  if (!returnDay || !sender) return [];
  const until = startOfLocalDay(nextBusinessDay(returnDay, ctx.holidays), ctx.timeZone);
  const updates: ItemUpdate[] = [];
  for (const item of live) {
    const [only, ...others] = item.counterparties;
    if (!WAITING_KINDS.has(item.kind) || !only || others.length > 0 || !sameAddress(only, sender)) continue;
    if (item.snoozedUntil && Date.parse(item.snoozedUntil) >= until.getTime()) continue;
    const snoozed = transition(item, { type: 'snooze', until }, ctx.now);
    if (!isTransitionError(snoozed)) {
      updates.push({
        id: item.id,
        item: snoozed,
        reason: `out of office until ${returnDay}: follow up after`,
      });
    }
  }
  return updates;
}

function answers(live: readonly TrackedItem[], place: MessagePlace, ctx: TrackContext): ItemUpdate[] {
  const updates: ItemUpdate[] = [];
  for (const item of live) {
    if (!WAITING_KINDS.has(item.kind)) continue;
    const evidence = findAnswer(item, place.message, place.threadId, ctx.me, ctx.now);
    if (!evidence) continue;
    const answered = transition(item, { type: 'answered', messageId: place.message.id, evidence }, ctx.now);
    const sender = place.message.from[0]?.address ?? 'them';
    if (!isTransitionError(answered)) updates.push({ id: item.id, item: answered, reason: `answered by ${sender}` });
  }
  return updates;
}

export function trackInbound(
  live: readonly TrackedItem[],
  place: MessagePlace,
  extraction: Extraction | null,
  ctx: TrackContext,
): Found {
  const { message, threadId } = place;
  // Auto-replies answer nothing and ask nothing; only their return date matters.
  if (isAutoReply(message)) return { newItems: [], updates: holdForReturn(live, place, ctx) };
  // A newsletter's "please reply" is not a question to the user.
  if (isBulk(message)) return { newItems: [], updates: [] };

  const senders = uniqueAddresses(message.from.filter((a) => !isMe(a, ctx.me)));
  const newItems = (extraction?.commitments ?? []).map((c) => fromCommitment('their-promise', place, c, senders));
  // A second "any news?" in a thread where the same person already asked is the same question.
  const alreadyAsked = live.some(
    (item) =>
      item.kind === 'asked-of-you' &&
      item.threadId === threadId &&
      senders.some((sender) => includesAddress(item.counterparties, sender)),
  );
  if (extraction?.expectsReply && senders.length > 0 && !alreadyAsked) {
    newItems.push(fromMail('asked-of-you', place, senders, 'expects-reply', 0.8));
  }
  return { newItems, updates: answers(live, place, ctx) };
}
