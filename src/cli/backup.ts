// followthru backup FILE: a consistent copy of the store, safe while the daemon runs. It never writes onto the
// live store (or its -wal/-shm), and never replaces an existing file unless --force.
import { existsSync } from 'node:fs';
import { isSameFile } from '../store/restore-paths.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { EXIT } from './exit-codes.js';
import { withStore } from './with-app.js';

const refuse = (message: string): number => {
  process.stderr.write(`followthru backup: ${message}\n`);
  return EXIT.usage;
};

export const backupCommand: CliCommand = {
  name: 'backup',
  args: '<file>',
  description: 'write a consistent copy of the store to FILE (a new file, unless --force)',
  options: [CONFIG_OPTION, { flags: '--force', description: 'replace FILE if it exists (never the store itself)' }],
  async run([file], options) {
    if (!file) return EXIT.usage;
    return withStore(options, async (app) => {
      const live = app.store.path;
      for (const own of [live, `${live}-wal`, `${live}-shm`, `${live}-journal`]) {
        if (await isSameFile(file, own))
          return refuse(
            `${file} is the live store's own file (${own}) — fix: name another file, e.g. followthru-backup.db`,
          );
      }
      if (existsSync(file) && options.force !== true)
        return refuse(`${file} already exists — fix: name a new file, or pass --force to replace it`);
      await app.store.backup(file);
      process.stdout.write(`backup written to ${file}\n`);
      return EXIT.ok;
    });
  },
};
