// followthru list [--all] [--kind KIND] [--json]: what followthru tracks, from the store.
import { listItems } from '../store/index.js';
import type { ItemKind, ItemStatus, TrackedItem } from '../types.js';
import type { Config } from '../config.js';
import { followUpDue } from '../track/cadence.js';
import { CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
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
export function itemJson(item: TrackedItem, config: Config, now: Date) {
  return {
    id: item.id,
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
  };
}

export function itemLine(item: TrackedItem): string {
  const due = item.due ? ` due ${item.due.date} ('${item.due.text}')` : '';
  const kept = item.evidence ? `  ← ${item.evidence.attachment ?? item.evidence.words.join(' ')}` : '';
  return `#${item.id} ${item.status.padEnd(8)} ${item.kind.padEnd(14)} ${who(item)}${due}\n    "${item.text}"${kept}`;
}

export const listCommand: CliCommand = {
  name: 'list',
  description: 'list tracked promises and threads (open ones unless --all)',
  options: [
    CONFIG_OPTION,
    NOW_OPTION,
    VERBOSE_OPTION,
    { flags: '--status <which>', description: 'open (open and snoozed, the default) or all', default: 'open' },
    { flags: '--kind <kind>', description: `only one kind: ${KINDS.join(', ')}` },
    { flags: '--json', description: 'one JSON array of {id, kind, status, text, action, due, to, messageId, sentAt}' },
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
    const { items, config } = await withStore(options, async (app) => ({ items: await listItems(app.store, { status, kind }), config: app.config }), { readOnly: true });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(items.map((i) => itemJson(i, config, now)), null, 2)}\n`);
      return 0;
    }
    for (const item of items) process.stdout.write(`${itemLine(item)}\n`);
    if (items.length === 0) process.stdout.write('nothing tracked yet\n');
    return 0;
  },
};
