// followthru status: last sync, items by state, when the next digest goes out.
import { signInState, signInsOf } from '../auth/status.js';
import { cronFields } from '../scheduler/cron.js';
import { nextSlot } from '../scheduler/slot.js';
import { getLastSyncAt, lastDigest, listCursors } from '../store/index.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { withApp } from './with-app.js';

export const statusCommand: CliCommand = {
  name: 'status',
  description: 'last sync, items by state, next digest',
  options: [CONFIG_OPTION],
  async run(_args, options) {
    const lines = await withApp(options, async (app) => {
      const counts = await app.store.all<{ kind: string; status: string; n: number }>(
        'SELECT kind, status, COUNT(*) AS n FROM items GROUP BY kind, status ORDER BY kind, status',
      );
      const cursors = await listCursors(app.store);
      const digest = await lastDigest(app.store, { sentOnly: true });
      const signIns = await Promise.all(signInsOf(app.config).map(({ label, signIn }) => signInState(label, signIn, new Date())));
      const next = nextSlot(cronFields(app.config.digest.cron), new Date(), app.config.digest.timezone);
      return [
        `store        ${app.config.store.path}`,
        ...signIns.map((s) => `sign-in      ${s.label}: ${s.detail}`),
        `last sync    ${(await getLastSyncAt(app.store)) ?? 'never'}`,
        ...cursors.map((c) => `folder       ${c.folder}: up to UID ${c.lastUid} (UIDVALIDITY ${c.uidValidity})${c.parked ? ' — PARKED' : ''}`),
        `last digest  ${digest?.sentAt ?? 'never'}`,
        `next digest  ${next ? next.toISOString() : 'not scheduled'} (${app.config.digest.cron}, ${app.config.digest.timezone})`,
        'items',
        ...(counts.length ? counts.map((c) => `  ${c.kind.padEnd(14)} ${c.status.padEnd(9)} ${c.n}`) : ['  none yet']),
      ];
    });
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
