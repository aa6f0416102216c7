// Commands against the items of the digest they answer. Pure: numbers resolve through that digest's entries,
// and every change goes through the lifecycle, so a stale command cannot resurrect or corrupt an item.
import { isTransitionError, type LifecycleEvent, transition } from '../track/lifecycle.js';
import { shortCalendarDay } from '../digest/format.js';
import { KEEP_IN_TOUCH_RULE } from '../people/rule.js';
import type { DigestEntry, ReplyCommand, TrackedItem } from '../types.js';

export interface CommandChange {
  item: TrackedItem;
  /** "not a promise": remember the wording so it is never detected again. */
  suppress: boolean;
  /** "mute": never suggest keeping in touch with the item's people again. */
  mute?: boolean;
}

export interface AppliedCommands {
  changes: CommandChange[];
  /** One line per command, for the log and the confirmation. */
  results: string[];
  /** Items to file a follow-up draft for ("draft N"), in order: the shell files them once the changes are stored. */
  drafts: number[];
}

function eventFor(command: ReplyCommand): LifecycleEvent | null {
  switch (command.verb) {
    case 'done':
      return { type: 'done' };
    case 'drop':
    case 'mute':
      return { type: 'drop' };
    case 'reopen':
      return { type: 'reopen' };
    case 'not-a-promise':
      return { type: 'notAPromise' };
    case 'snooze':
      return { type: 'snooze', until: new Date(command.until) };
    default:
      return null;
  }
}

/** What the confirmation says happened: the new status, and for snooze and due, until when (the real date). */
function outcome(command: ReplyCommand, next: TrackedItem): string {
  if (command.verb === 'snooze') return `snoozed until ${shortCalendarDay(command.day)}`;
  if (command.verb === 'due') return `due ${shortCalendarDay(command.due.date)}`;
  return next.status;
}

/** One item a command names: how to show it ("4", "#12") and the item, or why there is none. */
export type Target = { label: string; itemId: number } | { label: string; missing: string };
/** The items a command's numbers stand for: a digest's numbering for mail, digest numbers or list ids for the CLI. */
export type Resolve = (command: Exclude<ReplyCommand, { verb: 'unknown' }>) => Target[];

/** A reply to a digest: its numbers are that digest's, "#4" included; "all" only when `allowAll` is given. */
export function digestNumbers(
  entries: readonly DigestEntry[],
  all: { allowed: true } | { allowed: false; why: string } = { allowed: true },
): Resolve {
  const byNumber = (number: number): Target => {
    const itemId = entries.find((e) => e.number === number)?.itemId;
    return itemId === undefined
      ? { label: String(number), missing: `that digest has no item ${number}` }
      : { label: String(number), itemId };
  };
  return (command) => {
    if (command.numbers !== 'all') return command.numbers.map(byNumber);
    return all.allowed ? entries.map((e) => byNumber(e.number)) : [{ label: 'all', missing: all.why }];
  };
}

export function applyCommands(
  commands: readonly ReplyCommand[],
  entries: readonly DigestEntry[] | Resolve,
  items: ReadonlyMap<number, TrackedItem>,
  now: Date,
): AppliedCommands {
  const resolve = typeof entries === 'function' ? entries : digestNumbers(entries);
  const current = new Map(items);
  const changes = new Map<number, CommandChange>();
  const results: string[] = [];
  const drafts: number[] = [];
  for (const command of commands) {
    if (command.verb === 'unknown') {
      results.push(command.reason ? `${command.text}: ${command.reason}` : `not understood: "${command.text}"`);
      continue;
    }
    for (const target of resolve(command)) {
      const item = 'itemId' in target ? current.get(target.itemId) : undefined;
      const label = target.label;
      if (!item) {
        results.push(
          `${command.verb} ${label}: ${'missing' in target ? target.missing : `no item ${label} in the store any more`}`,
        );
        continue;
      }
      if (command.verb === 'draft') {
        // A draft changes nothing about the item: the user may edit it, send it, or throw it away.
        if (!drafts.includes(item.id)) drafts.push(item.id);
        results.push(`draft ${label}: "${item.text.slice(0, 60)}" → a follow-up goes to your Drafts folder`);
        continue;
      }
      if (command.verb === 'mute' && item.rule !== KEEP_IN_TOUCH_RULE) {
        results.push(`mute ${label}: only a Keep in touch line can be muted (use "drop ${label}" to stop tracking it)`);
        continue;
      }
      let next: TrackedItem;
      if (command.verb === 'due') {
        // A new date is for something still to do: a closed item must be reopened first ("reopen 2", "due 2 friday").
        if (item.status !== 'open' && item.status !== 'snoozed') {
          results.push(`due ${label}: not possible for an item that is ${item.status} (reopen it first)`);
          continue;
        }
        next = { ...item, due: command.due, status: 'open', snoozedUntil: null, updatedAt: now.toISOString() };
      } else {
        const event = eventFor(command);
        const moved = event ? transition(item, event, now) : null;
        if (!moved || isTransitionError(moved)) {
          results.push(`${command.verb} ${label}: not possible for an item that is ${item.status}`);
          continue;
        }
        next = moved; // reopen records the rejected evidence itself (see lifecycle.ts)
      }
      current.set(item.id, next);
      const suppress = command.verb === 'not-a-promise' || (changes.get(item.id)?.suppress ?? false);
      const mute = command.verb === 'mute' || (changes.get(item.id)?.mute ?? false);
      changes.set(item.id, { item: next, suppress, ...(mute ? { mute } : {}) });
      results.push(`${command.verb} ${label}: "${item.text.slice(0, 60)}" → ${outcome(command, next)}`);
    }
  }
  return { changes: [...changes.values()], results, drafts };
}
