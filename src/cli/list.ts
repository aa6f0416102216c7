// followthru list [--status all] [--kind KIND] [--json]: what followthru tracks, from the store, with each
// item's number in the latest digest beside its list id (both work in `followthru done`).
import { listItems } from '../store/index.js';
import type { ItemKind, ItemStatus, TrackedItem } from '../types.js';
import type { Config } from '../config.js';
import { printable as p, terminalJson } from '../digest/escape.js';
import { followUpDue } from '../track/cadence.js';
import { shortDay } from '../digest/format.js';
import { ACCOUNT_OPTION, CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { accountScope } from './account.js';
import { digestNote, latestDigest } from './digest-numbers.js';
import { VERBOSE_OPTION, withStore } from './with-app.js';

const KINDS: readonly ItemKind[] = ['promise', 'awaiting-reply', 'their-promise', 'asked-of-you'];

function who(item: TrackedItem): string {
  return item.counterparties.map((a) => a.name || a.address).join(', ') || '—';
}

/** When to follow up (awaiting-reply, their-promise): an ISO instant, "let go" after the last nudge, or null. */
function followUpOf(item: TrackedItem, config: Config, now: Date): string | null {
  const next = followUpDue(item, now, config.timezone, config.holidays, config.followUp);
  if (!next) return null;
  return 'letGo' in next ? `let go after ${next.at.toISOString()}` : next.due.toISOString();
}

/** The stable JSON shape of `list --json`: scripts rely on these names. */
export function itemJson(item: TrackedItem, config: Config, now: Date, digestNumber: number | null = null) {
  return {
    id: item.id,
    account: item.account,
    kind: item.kind,
    status: item.status,
    text: item.text,
    action: item.action,
    due: item.due,
    to: item.counterparties,
    messageId: item.messageId,
    sentAt: item.sentAt,
    evidence: item.evidence,
    followUpDue: followUpOf(item, config, now),
    snoozedUntil: item.status === 'snoozed' ? item.snoozedUntil : null,
    /** The item's number in the latest digest (what `followthru done N` takes), or null. */
    digestNumber,
  };
}

/**
 * "4. #12 open …": the digest number first when the latest digest has one, then the list id; two lines per
 * item, every field from mail through printable(): no injected line, no escape.
 */
export function itemLine(
  item: TrackedItem,
  zone: string,
  digestNumber: number | null = null,
  showAccount = false,
): string {
  const due = item.due ? ` due ${p(item.due.date)} ('${p(item.due.text)}')` : '';
  const until =
    item.status === 'snoozed' && item.snoozedUntil
      ? ` snoozed until ${shortDay(new Date(item.snoozedUntil), zone)}`
      : '';
  const kept = item.evidence ? `  ← ${p(item.evidence.attachment ?? item.evidence.words.join(' '))}` : '';
  const number = digestNumber === null ? '' : `${digestNumber}.`;
  const account = showAccount ? `[${p(item.account)}] ` : '';
  return `${number.padStart(4)} #${item.id} ${account}${item.status.padEnd(8)} ${item.kind.padEnd(14)} ${p(who(item))}${due}${until}\n     "${p(item.text)}"${kept}`;
}

export const listCommand: CliCommand = {
  name: 'list',
  description: 'list tracked promises and threads (open ones unless --status all), with their digest numbers',
  options: [
    CONFIG_OPTION,
    NOW_OPTION,
    VERBOSE_OPTION,
    ACCOUNT_OPTION,
    { flags: '--status <which>', description: 'open (open and snoozed, the default) or all', default: 'open' },
    { flags: '--kind <kind>', description: `only one kind: ${KINDS.join(', ')}` },
    {
      flags: '--json',
      description:
        'one JSON array of {id, account, kind, status, text, action, due, to, messageId, sentAt, evidence, followUpDue, snoozedUntil, digestNumber}',
    },
  ],
  async run(_args, options) {
    const kind = options.kind as ItemKind | undefined;
    if (kind !== undefined && !KINDS.includes(kind)) {
      process.stderr.write(`followthru: --kind must be one of ${KINDS.join(', ')}\n`);
      return 2;
    }
    if (options.status !== 'open' && options.status !== 'all') {
      process.stderr.write('followthru: --status must be open or all\n');
      return 2;
    }
    const status: 'all' | ItemStatus[] = options.status === 'all' ? 'all' : ['open', 'snoozed'];
    const now = nowFrom(options);
    const { items, config, latest } = await withStore(
      options,
      async (app) => ({
        items: await listItems(accountScope(app, options), { status, kind }),
        config: app.config,
        latest: await latestDigest(app.store, now, app.config.digest.timezone),
      }),
      { readOnly: true },
    );
    // A stale digest's numbers are refused by `done` (see commands/freshness.ts), so they are not shown either.
    const numberOf = (item: TrackedItem) =>
      latest && !latest.freshness.stale ? (latest.numberOf.get(item.id) ?? null) : null;
    if (options.json) {
      process.stdout.write(`${terminalJson(items.map((i) => itemJson(i, config, now, numberOf(i))))}\n`);
      return 0;
    }
    if (items.some((i) => numberOf(i) !== null))
      process.stdout.write(`${digestNote(latest)} ("followthru done 2"), or the list id ("followthru done '#12'")\n`);
    const several = config.accounts.length > 1;
    for (const item of items) process.stdout.write(`${itemLine(item, config.timezone, numberOf(item), several)}\n`);
    if (items.length === 0) process.stdout.write('nothing tracked yet\n');
    return 0;
  },
};
