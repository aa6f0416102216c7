// followthru restore FILE: put a backup in place of the store (the backup checked whole first, the current
// store kept aside, refused while a daemon holds the store).
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { EXIT } from './exit-codes.js';

export const restoreCommand: CliCommand = {
  name: 'restore',
  args: '<file>',
  description: 'replace the store with a backup (checked first; the current store is kept aside)',
  options: [CONFIG_OPTION],
  async run([file], options) {
    if (!file) return EXIT.usage;
    const [{ loadConfig }, { restoreStore }, { openStore }] = await Promise.all([
      import('../config.js'),
      import('../store/restore.js'),
      import('../store/index.js'),
    ]);
    const config = await loadConfig(typeof options.config === 'string' ? options.config : undefined);
    const { keptAside } = await restoreStore(config.store.path, file, new Date());
    // Opening migrates an older backup to this version's schema, and proves the result opens.
    const store = await openStore(config.store.path);
    await store.close();
    process.stdout.write(`restored ${file} as the store ${config.store.path}\n`);
    if (keptAside) process.stdout.write(`the previous store is kept at ${keptAside} (delete it once you are happy)\n`);
    return EXIT.ok;
  },
};
