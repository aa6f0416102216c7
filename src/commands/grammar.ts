// The reply commands, once: the words a reply may use for each, what they take, and how the digest footer and
// the CLI explain them. Adding a command is one entry here (and its effect in apply.ts). Pure data.
import type { ReplyCommand } from '../types.js';

export type Verb = Exclude<ReplyCommand['verb'], 'unknown'>;

export interface VerbSpec {
  verb: Verb;
  /** The words a command line may start with, lower case; the first is the one the help shows. */
  words: readonly string[];
  /** Item numbers only, or item numbers then a time ("snooze 3 monday"). */
  takes: 'numbers' | 'when';
  /** The digest footer's example and what it does. */
  example: string;
  help: string;
  /** The CLI command's name (a word: `followthru not-a-promise 4`) and one-line description. */
  cli: string;
  cliHelp: string;
}

export const VERBS: readonly VerbSpec[] = [
  {
    verb: 'done',
    words: ['done', 'did it', 'kept', 'sent'],
    takes: 'numbers',
    example: 'done 2',
    help: 'you did it (also "done 2 3" or "done 1-3")',
    cli: 'done',
    cliHelp: 'mark items done: done 2, done 1-3, done all',
  },
  {
    verb: 'snooze',
    words: ['snooze', 'later', 'remind me'],
    takes: 'when',
    example: 'snooze 3 monday',
    help: 'hide it until then ("snooze 3 2 weeks", "snooze 3 next week")',
    cli: 'snooze',
    cliHelp: 'hide items until a day: snooze 3 monday, snooze 1-2 3d, snooze 3 dec 1',
  },
  {
    verb: 'due',
    words: ['due', 'move', 'reschedule'],
    takes: 'when',
    example: 'due 2 friday',
    help: 'set a new due date',
    cli: 'due',
    cliHelp: 'set a new due date: due 2 friday, due 2 3rd december',
  },
  {
    verb: 'drop',
    words: ['drop', 'delete', 'remove', 'ignore', 'forget'],
    takes: 'numbers',
    example: 'drop 4',
    help: 'stop tracking it',
    cli: 'drop',
    cliHelp: 'stop tracking items: drop 4',
  },
  {
    verb: 'not-a-promise',
    words: ['not a promise', 'not an promise', 'not promise', 'not a request', 'not-a-promise', 'wrong'],
    takes: 'numbers',
    example: 'not a promise 4',
    help: 'the detector was wrong: never flag that wording again',
    cli: 'not-a-promise',
    cliHelp: 'the detector was wrong: drop the item and never flag that wording again',
  },
  {
    verb: 'reopen',
    words: ['reopen', 're-open', 'undo'],
    takes: 'numbers',
    example: 'reopen 5',
    help: 'an automatic "kept" or "answered" was wrong',
    cli: 'reopen',
    cliHelp: 'reopen items (a wrong automatic close is never repeated)',
  },
  {
    verb: 'mute',
    words: ['mute', 'never suggest'],
    takes: 'numbers',
    example: 'mute 6',
    help: 'Keep in touch only: never suggest this person again',
    cli: 'mute',
    cliHelp: 'never suggest a Keep in touch person again: mute 6',
  },
  {
    verb: 'draft',
    words: ['draft', 'follow up'],
    takes: 'numbers',
    example: 'draft 2',
    help: 'put a follow-up for it in your Drafts folder, to edit and send yourself',
    cli: 'draft',
    cliHelp: 'file a follow-up for items in your Drafts folder (never sent): draft 2',
  },
];

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const alternatives = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

/** The verb a command line starts with, and the text after it. */
export function verbAt(line: string): { spec: VerbSpec; rest: string } | null {
  for (const spec of VERBS) {
    const match = new RegExp(`^(?:${alternatives(spec.words)})(?![\\w-])`).exec(line);
    if (match) return { spec, rest: line.slice(match[0].length).trim() };
  }
  return null;
}

/** Words that may follow the numbers instead ("2 done", "2, 5 drop"): those of the verbs that take no time. */
export const NUMBER_FIRST_WORDS = alternatives(VERBS.filter((v) => v.takes === 'numbers').flatMap((v) => v.words));

/** A digest line's next step with its real number: "reply \"drop N\"" → "reply \"drop 4\"", for every verb. */
export function withItemNumber(next: string, number: number): string {
  const words = alternatives(VERBS.map((v) => v.words[0] ?? v.verb));
  return next.replace(new RegExp(`"(${words}) N\\b`, 'g'), `"$1 ${number}`);
}
