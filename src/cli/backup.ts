// followthru backup FILE: a consistent copy of the store, safe while the daemon runs.
import { backupStore } from '../store/index.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { withStore } from './with-app.js';

export const backupCommand: CliCommand = {
  name: 'backup',
  args: '<file>',
  description: 'write a consistent copy of the store to FILE',
  options: [CONFIG_OPTION],
  async run([file], options) {
    if (!file) return 2;
    await withStore(options, (app) => backupStore(app.store, file));
    process.stdout.write(`backup written to ${file}\n`);
    return 0;
  },
};
