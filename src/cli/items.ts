// followthru done|snooze|due|drop|not-a-promise|reopen|draft …: the digest's reply commands from the terminal, one
// CLI command per entry of the verb table, read by the same parser as a reply. Plain numbers are those of the
// latest digest; "#12" is a list id (as `followthru list` shows it).
import { applyCommands } from '../commands/apply.js';
import { VERBS, type VerbSpec } from '../commands/grammar.js';
import { addSuppression, getItem, muteItemPeople, updateItem } from '../store/index.js';
import type { TrackedItem } from '../types.js';
import { accountScope } from './account.js';
import { ACCOUNT_OPTION, CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { cliTargets, digestNote, latestDigest } from './digest-numbers.js';
import { withStore } from './with-app.js';

const ITEMS_HINT =
  "item numbers from the latest digest (2, 1-3, all) or list ids as '#12' (quote the #: the shell reads it as a comment)";

function usage(spec: VerbSpec, words: readonly string[]): string {
  const what =
    spec.takes === 'when' ? `${ITEMS_HINT}, then a time (monday, 3d, 2 weeks, dec 1, 3rd december)` : ITEMS_HINT;
  return `followthru ${spec.cli}: cannot read "${words.join(' ')}": give ${what}\n`;
}

function itemCommand(spec: VerbSpec): CliCommand {
  return {
    name: spec.cli,
    args: spec.takes === 'when' ? '<items-then-when...>' : '<items...>',
    description: spec.cliHelp,
    options: [CONFIG_OPTION, NOW_OPTION, ACCOUNT_OPTION],
    async run(words, options) {
      const now = nowFrom(options);
      // The date reader (chrono) is loaded only when an item command runs, never for --help.
      const { parseLine } = await import('../commands/parse-reply.js');
      return withStore(options, async (app) => {
        const command = parseLine(`${spec.words[0]} ${words.join(' ')}`, now, app.config.timezone, null);
        if (!command || command.verb === 'unknown') {
          process.stderr.write(
            command?.reason ? `followthru ${spec.cli} ${words.join(' ')}: ${command.reason}\n` : usage(spec, words),
          );
          return command?.reason ? 1 : 2;
        }
        const latest = await latestDigest(app.store, now, app.config.digest.timezone);
        const targets = cliTargets(latest)(command);
        const items = new Map<number, TrackedItem>();
        const only = accountScope(app, options).account;
        const elsewhere: string[] = [];
        const mine: typeof targets = [];
        for (const target of targets) {
          const item = 'itemId' in target ? await getItem(app.store, target.itemId) : null;
          // --account guards a change: an item of another account is left alone and named.
          if (item && only !== null && item.account !== only)
            elsewhere.push(`${spec.cli} ${target.label}: that item is in account "${item.account}", not "${only}"`);
          else {
            if (item) items.set(item.id, item);
            mine.push(target);
          }
        }
        const { changes, results, drafts } = applyCommands([command], () => mine, items, now);
        await app.store.transaction(async (tx) => {
          for (const change of changes) {
            await updateItem(tx, change.item.id, change.item, now);
            if (change.suppress)
              await addSuppression(
                tx,
                {
                  rule: change.item.rule,
                  phrase: change.item.text,
                  itemId: change.item.id,
                  account: change.item.account,
                },
                now,
              );
            if (change.mute) await muteItemPeople(tx, change.item);
          }
        });
        // Filing a draft needs IMAP and the mail composer: loaded only when a draft is asked for.
        const filed = drafts.length > 0 ? await (await import('../draft/file.js')).fileDrafts(app, drafts, now) : [];
        const note = targets.some((t) => !t.label.startsWith('#')) ? digestNote(latest) : '';
        process.stdout.write(`${[note, ...elsewhere, ...results, ...filed].filter(Boolean).join('\n')}\n`);
        return changes.length + drafts.length === targets.length ? 0 : 1;
      });
    },
  };
}

export const ITEM_COMMANDS: CliCommand[] = VERBS.map(itemCommand);
