// followthru ics [--out FILE]: open promises with due dates as an iCalendar file.
import { listItems, writePrivateFile } from '../store/index.js';
import { CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { toIcs } from './ics-format.js';
import { withStore } from './with-app.js';

export const icsCommand: CliCommand = {
  name: 'ics',
  description: 'write open promises with due dates as an iCalendar (.ics) file',
  options: [CONFIG_OPTION, NOW_OPTION, { flags: '-o, --out <file>', description: 'write here instead of stdout' }],
  async run(_args, options) {
    const now = nowFrom(options);
    const ics = await withStore(
      options,
      async (app) => {
        const items = await listItems(app.store, { status: ['open', 'snoozed'], kind: ['promise', 'their-promise'] });
        return toIcs(items, now, app.config.me[0]?.split('@')[1]);
      },
      { readOnly: true },
    );
    if (typeof options.out === 'string') await writePrivateFile(options.out, ics);
    else process.stdout.write(ics);
    return 0;
  },
};
