// followthru people: who you exchange mail with, as the store knows them (Keep in touch reads the same rows).
import { listPeople } from '../store/index.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { withStore } from './with-app.js';

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '—');

export const peopleCommand: CliCommand = {
  name: 'people',
  description: 'the people you exchange mail with: days of mail, last mail each way, muted or bulk',
  options: [CONFIG_OPTION],
  async run(_args, options) {
    const lines = await withStore(
      options,
      async (app) => {
        const several = app.config.accounts.length > 1;
        return (await listPeople(app.store)).map((p) => {
          const flags = [p.muted ? 'muted' : '', p.bulk ? 'bulk/list: never suggested' : ''].filter(Boolean).join(', ');
          const who = p.name ? `${p.name} <${p.address}>` : p.address;
          return `${several ? `[${p.account}] ` : ''}${who}  ${p.exchanges} day(s) of mail, last sent ${day(p.lastSentAt)}, last received ${day(p.lastReceivedAt)}${flags ? `  (${flags})` : ''}`;
        });
      },
      { readOnly: true },
    );
    process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'no people yet: run followthru sync first\n');
    return 0;
  },
};
