// followthru done|drop|reopen ID... and followthru snooze ID WHEN: the digest's reply commands, from the
// terminal, by item id (as `list` shows them). Same grammar, same lifecycle, same suppression.
import { addSuppression, getItem, updateItem } from '../store/index.js';
import type { TrackedItem } from '../types.js';
import { CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { withStore } from './with-app.js';

function itemCommand(verb: 'done' | 'drop' | 'reopen' | 'snooze', args: string, description: string): CliCommand {
  return {
    name: verb,
    args,
    description,
    options: [CONFIG_OPTION, NOW_OPTION],
    async run(words, options) {
      const now = nowFrom(options);
      const ids = (verb === 'snooze' ? words.slice(0, 1) : words).map(Number);
      if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
        process.stderr.write(`followthru ${verb}: give item ids as numbers (followthru list shows them)\n`);
        return 2;
      }
      const line = verb === 'snooze' ? `snooze ${ids[0]} ${words.slice(1).join(' ')}` : `${verb} ${ids.join(' ')}`;
      const [{ applyCommands }, { parseReplyCommands }] = await Promise.all([import('../commands/apply.js'), import('../commands/parse-reply.js')]);
      return withStore(options, async (app) => {
        const commands = parseReplyCommands(line, now, app.config.timezone);
        if (commands.some((c) => c.verb === 'unknown')) {
          process.stderr.write(`followthru ${verb}: cannot read "${words.slice(1).join(' ')}" as a time (try monday, 3d, 2 weeks, dec 1)\n`);
          return 2;
        }
        const items = new Map<number, TrackedItem>();
        for (const id of ids) {
          const item = await getItem(app.store, id);
          if (item) items.set(id, item);
        }
        const entries = ids.map((id) => ({ number: id, itemId: id }));
        const { changes, results } = applyCommands(commands, entries, items, now);
        await app.store.transaction(async (tx) => {
          for (const change of changes) {
            await updateItem(tx, change.item.id, change.item, now);
            if (change.suppress) await addSuppression(tx, { rule: change.item.rule, phrase: change.item.text, itemId: change.item.id }, now);
          }
        });
        process.stdout.write(`${results.map((r) => r.replace(/^(\w+) (\d+):/, '$1 #$2:').replace(/that digest has no item/, 'no item')).join('\n')}\n`);
        return changes.length === ids.length ? 0 : 1;
      });
    },
  };
}

export const ITEM_COMMANDS: CliCommand[] = [
  itemCommand('done', '<id...>', 'mark items done'),
  itemCommand('drop', '<id...>', 'stop tracking items'),
  itemCommand('reopen', '<id...>', 'reopen items (a wrong automatic close is never repeated)'),
  itemCommand('snooze', '<id> <when...>', 'hide an item until a time: monday, 3d, 2 weeks, dec 1'),
];
