// followthru status: last sync, items by state, when the next digest goes out.
import { signInState, signInsOf } from '../auth/status.js';
import { nextSlot } from '../scheduler/slot.js';
import { getLastSyncAt, lastDigest } from '../store/index.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { withStore } from './with-app.js';

export const statusCommand: CliCommand = {
  name: 'status',
  description: 'last sync, items by state, next digest',
  options: [CONFIG_OPTION],
  async run(_args, options) {
    const { cronFields } = await import('../scheduler/cron.js');
    const lines = await withStore(
      options,
      async (app) => {
        const stats = await app.store.stats();
        // With one account, lines read as they always did; with several, each says whose it is.
        const several = app.config.accounts.length > 1;
        const whose = (account: string) => (several ? `[${account}] ` : '');
        const counts = stats.items;
        const cursors = stats.cursors;
        const digest = await lastDigest(app.store, { sentOnly: true, kind: 'daily' });
        const review = app.config.weeklyReview;
        const signIns = await Promise.all(
          signInsOf(app.config).map(({ label, signIn }) => signInState(label, signIn, new Date())),
        );
        const next = nextSlot(cronFields(app.config.digest.cron), new Date(), app.config.digest.timezone);
        return [
          `store        ${app.config.store.path}`,
          ...signIns.map((s) => `sign-in      ${s.label}: ${s.detail}`),
          `last sync    ${(await getLastSyncAt(app.store)) ?? 'never'}`,
          ...cursors.map(
            (c) =>
              `folder       ${whose(c.account)}${c.folder}: up to UID ${c.lastUid} (UIDVALIDITY ${c.uidValidity})${c.parked ? ' — PARKED' : ''}`,
          ),
          `last digest  ${digest?.sentAt ?? 'never'}`,
          `next digest  ${next ? next.toISOString() : 'not scheduled'} (${app.config.digest.cron}, ${app.config.digest.timezone})`,
          `next review  ${review.enabled ? `${nextSlot(cronFields(review.cron), new Date(), app.config.digest.timezone)?.toISOString() ?? 'not scheduled'} (${review.cron})` : 'off (weeklyReview.enabled)'}`,
          'items',
          ...(counts.length
            ? counts.map((c) => `  ${whose(c.account)}${c.kind.padEnd(14)} ${c.status.padEnd(9)} ${c.count}`)
            : ['  none yet']),
        ];
      },
      { readOnly: true },
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
