// followthru digest --print | --html FILE | --send [--weekly] [--now ISO]
import { writePrivateFile } from '../store/index.js';
import { renderHtml } from '../digest/render-html.js';
import { renderText } from '../digest/render-text.js';
import { CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { LOG_FORMAT_OPTION, VERBOSE_OPTION, withApp, withStore } from './with-app.js';

export const digestCommand: CliCommand = {
  name: 'digest',
  description: "compose today's digest (or the weekly review): print it, write its HTML, or send it now",
  options: [
    CONFIG_OPTION,
    NOW_OPTION,
    VERBOSE_OPTION,
    LOG_FORMAT_OPTION,
    { flags: '--print', description: 'write the text version to stdout (even on a quiet day)' },
    { flags: '--html <file>', description: 'write the HTML version to FILE' },
    { flags: '--send', description: 'send it now (once a day: a second --send the same day does nothing)' },
    { flags: '--weekly', description: 'the weekly review instead of the daily digest' },
  ],
  async run(_args, options) {
    const now = nowFrom(options);
    if (!options.print && !options.html && !options.send) {
      process.stderr.write('followthru digest: say what to do: --print, --html FILE or --send\n');
      return 2;
    }
    const { composeFromStore, sendDigest } = await import('../digest/deliver.js');
    const { reviewFromStore, WEEKLY_REVIEW } = await import('../review/send.js');
    const weekly = Boolean(options.weekly);
    if (options.print || options.html) {
      // Reading only: works on a read-only store.
      const digest = await withStore(
        options,
        async (app) => (weekly ? (await reviewFromStore(app, now)).digest : composeFromStore(app, now, false)),
        { readOnly: true },
      );
      if (!digest) process.stdout.write('nothing to report\n');
      else {
        if (options.print) process.stdout.write(renderText(digest));
        if (typeof options.html === 'string') await writePrivateFile(options.html, renderHtml(digest));
      }
    }
    if (options.send) {
      const outcome = await withApp(options, (app) => sendDigest(app, now, weekly ? WEEKLY_REVIEW : undefined));
      process.stdout.write(`${weekly ? 'weekly review' : 'digest'}: ${outcome}\n`);
    }
    return 0;
  },
};
