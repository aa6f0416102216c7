// A short follow-up the user can copy for a thread that went quiet: adds something, asks one easy question,
// gets shorter and lighter with each nudge, and never says "just checking in". Pure.
import type { TrackedItem } from '../types.js';
import { firstName } from './format.js';

/** Their words turned around: "review it with my partner" → "review it with your partner". */
export function theirToYours(action: string): string {
  const swaps: Record<string, string> = { my: 'your', i: 'you', me: 'you', mine: 'yours', we: 'you', our: 'your', us: 'you' };
  return action.replace(/\b(my|i|me|mine|we|our|us)\b/gi, (word) => swaps[word.toLowerCase()] ?? word);
}

export function suggestFollowUp(item: TrackedItem, nudge: number, letGo: boolean): string {
  const hi = `Hi ${firstName(item.counterparties[0])},`;
  const subject = `"${item.subject || 'my last note'}"`;
  if (letGo) {
    return `${hi} I don't want to crowd your inbox, so this is my last note on ${subject}. If it becomes a priority later, reply here and I'll pick it up right away.`;
  }
  if (item.kind === 'their-promise') {
    const when = item.due ? ` ${item.due.text}` : '';
    return `${hi} you mentioned you'd ${theirToYours(item.action)}${when}. Is there anything I can send that would make that easier?`;
  }
  if (nudge <= 1) {
    return `${hi} following up on ${subject}: is there anything I can add to help you decide? I'm happy to walk through it on a 15-minute call this week.`;
  }
  if (nudge === 2) {
    return `${hi} one more thought on ${subject}: if it would help, I can put the options side by side in a one-page summary. Would that be useful?`;
  }
  return `${hi} a last quick one on ${subject}: should I keep this open, or is now not the right time?`;
}
