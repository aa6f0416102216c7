// Commands against the items of the digest they answer. Pure: numbers resolve through that digest's entries,
// and every change goes through the lifecycle, so a stale command cannot resurrect or corrupt an item.
import { isTransitionError, type LifecycleEvent, transition } from '../track/lifecycle.js';
import { shortCalendarDay } from '../digest/format.js';
import type { DigestEntry, ReplyCommand, TrackedItem } from '../types.js';

export interface CommandChange {
  item: TrackedItem;
  /** "not a promise": remember the wording so it is never detected again. */
  suppress: boolean;
}

export interface AppliedCommands {
  changes: CommandChange[];
  /** One line per command, for the log and the confirmation. */
  results: string[];
}

function eventFor(command: ReplyCommand): LifecycleEvent | null {
  switch (command.verb) {
    case 'done':
      return { type: 'done' };
    case 'drop':
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

/** What the confirmation says happened: the new status, and for snooze and due, until when. */
function outcome(command: ReplyCommand, next: TrackedItem): string {
  if (command.verb === 'snooze') return `snoozed until ${command.whenText}`;
  if (command.verb === 'due') return `due ${shortCalendarDay(command.due.date)}`;
  return next.status;
}

export function applyCommands(
  commands: readonly ReplyCommand[],
  entries: readonly DigestEntry[],
  items: ReadonlyMap<number, TrackedItem>,
  now: Date,
): AppliedCommands {
  const current = new Map(items);
  const changes = new Map<number, CommandChange>();
  const results: string[] = [];
  for (const command of commands) {
    if (command.verb === 'unknown') {
      results.push(`not understood: "${command.text}"`);
      continue;
    }
    const numbers = command.numbers === 'all' ? entries.map((e) => e.number) : command.numbers;
    for (const number of numbers) {
      const itemId = entries.find((e) => e.number === number)?.itemId;
      const item = itemId === undefined ? undefined : current.get(itemId);
      if (!item) {
        results.push(`${command.verb} ${number}: that digest has no item ${number}`);
        continue;
      }
      let next: TrackedItem;
      if (command.verb === 'due') {
        // A new date is for something still to do: a closed item must be reopened first ("reopen 2", "due 2 friday").
        if (item.status !== 'open' && item.status !== 'snoozed') {
          results.push(`due ${number}: not possible for an item that is ${item.status} (reopen it first)`);
          continue;
        }
        next = { ...item, due: command.due, status: 'open', snoozedUntil: null, updatedAt: now.toISOString() };
      } else {
        const event = eventFor(command);
        const moved = event ? transition(item, event, now) : null;
        if (!moved || isTransitionError(moved)) {
          results.push(`${command.verb} ${number}: not possible for an item that is ${item.status}`);
          continue;
        }
        next = moved; // reopen records the rejected evidence itself (see lifecycle.ts)
      }
      current.set(item.id, next);
      const suppress = command.verb === 'not-a-promise' || (changes.get(item.id)?.suppress ?? false);
      changes.set(item.id, { item: next, suppress });
      results.push(`${command.verb} ${number}: "${item.text.slice(0, 60)}" → ${outcome(command, next)}`);
    }
  }
  return { changes: [...changes.values()], results };
}
