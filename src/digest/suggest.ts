// A short follow-up the user can copy for a thread that went quiet, written from the thread itself: what was
// asked or promised, when, and how long it has been, in a neutral tone. The wording is a template the user
// can change in the config (followUp.templates). Pure.
import type { TrackedItem } from '../types.js';
import { firstName, shortDay } from './format.js';

/** Which template a suggestion uses. */
export interface FollowUpTemplates {
  /** A thread waiting on their answer. */
  waiting: string;
  /** They promised something and it has not come. */
  theirPromise: string;
  /** After the last nudge: a closing note. */
  lastNote: string;
}

export const DEFAULT_TEMPLATES: FollowUpTemplates = {
  waiting:
    '{greeting} following up on my mail of {sentOn} about "{subject}"{asked}. Could you let me know where this stands?',
  theirPromise: '{greeting} on {sentOn} you mentioned you would {promised}{due}. Is that still the plan?',
  lastNote:
    '{greeting} I have not heard back about "{subject}" since {sentOn}, so I will close this on my side. If it comes up again, just reply here.',
};

/** The words a template may use, each filled from the thread. */
export const PLACEHOLDERS = ['greeting', 'name', 'subject', 'asked', 'promised', 'due', 'sentOn', 'waited'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Placeholders in `template` that do not exist (a typo would otherwise reach the mail as "{nmae}"). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

export function fillTemplate(template: string, values: Record<Placeholder, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name as Placeholder] : whole))
    .replace(/\s+([.,])/g, '$1');
}

/** "Hi Priya," to one named person, "Hello," to an address alone, "Hi all," to a group: never "Hi there". */
export function greeting(item: TrackedItem): string {
  if (item.counterparties.length > 1) return 'Hi all,';
  const name = firstName(item.counterparties[0]);
  return name === 'there' ? 'Hello,' : `Hi ${name},`;
}

/** Their words turned around: "review it with my partner" → "review it with your partner". */
export function theirToYours(action: string): string {
  const swaps: Record<string, string> = {
    my: 'your',
    i: 'you',
    me: 'you',
    mine: 'yours',
    we: 'you',
    our: 'your',
    us: 'you',
  };
  return action.replace(/\b(my|i|me|mine|we|our|us)\b/gi, (word) => swaps[word.toLowerCase()] ?? word);
}

function waitedText(from: Date, now: Date): string {
  const days = Math.max(0, Math.round((now.getTime() - from.getTime()) / 86_400_000));
  if (days >= 14) return `${Math.round(days / 7)} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

export interface SuggestContext {
  now: Date;
  timeZone: string;
  templates?: Partial<FollowUpTemplates>;
}

export function suggestFollowUp(item: TrackedItem, letGo: boolean, ctx: SuggestContext): string {
  const sent = new Date(item.sentAt);
  const asked =
    item.kind === 'awaiting-reply' && item.text && item.text !== item.subject ? `, where I asked: "${item.text}"` : '';
  const values: Record<Placeholder, string> = {
    greeting: greeting(item),
    name: firstName(item.counterparties[0]) === 'there' ? '' : firstName(item.counterparties[0]),
    subject: item.subject || '(no subject)',
    asked,
    promised: theirToYours(item.action),
    due: item.due ? ` ${item.due.text}` : '',
    sentOn: shortDay(sent, ctx.timeZone, ctx.now),
    waited: waitedText(sent, ctx.now),
  };
  const templates = { ...DEFAULT_TEMPLATES, ...ctx.templates };
  const template = letGo
    ? templates.lastNote
    : item.kind === 'their-promise'
      ? templates.theirPromise
      : templates.waiting;
  return fillTemplate(template, values);
}
