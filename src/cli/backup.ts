// followthru backup FILE: a consistent copy of the store, safe while the daemon runs.
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { withApp } from './with-app.js';

export const backupCommand: CliCommand = {
  name: 'backup',
  args: '<file>',
  description: 'write a consistent copy of the store to FILE',
  options: [CONFIG_OPTION],
  async run([file], options) {
    if (!file) return 2;
    await withApp(options, (app) => app.store.backup(file));
    process.stdout.write(`backup written to ${file}\n`);
    return 0;
  },
};
