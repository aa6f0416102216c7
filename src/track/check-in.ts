// After a deal closes or a delivery happens (a milestone in the user's sent mail), a "check in" item for the
// people it went to, due some days later: the second touch the seller should not forget. Pure.
import type { Address, Milestone } from '../types.js';
import { addDays, localDay } from '../calendar/index.js';
import { newItem, type MessagePlace, type NewItem } from './new-item.js';

/** Default days from the milestone to the check-in. */
export const CHECK_IN_AFTER_DAYS = 14;

export function checkInItems(
  place: MessagePlace,
  milestones: readonly Milestone[],
  to: readonly Address[],
  afterDays: number,
  zone: string,
): NewItem[] {
  const [first] = milestones;
  if (!first || to.length === 0 || afterDays <= 0) return [];
  const who = to.map((a) => a.name || a.address).join(', ');
  const due = {
    date: addDays(localDay(new Date(place.sentAt), zone), afterDays),
    at: null,
    text: `${afterDays} days after "${first.sentence}"`,
  };
  // One check-in per mail: "thanks for your order, it has shipped" is one moment, not two.
  return [
    newItem('promise', place, {
      text: `Check in with ${who}: ${first.sentence}`,
      action: `check in with ${who}`,
      due,
      counterparties: [...to],
      rule: `check-in:${first.rule}`,
      confidence: 0.9,
    }),
  ];
}
