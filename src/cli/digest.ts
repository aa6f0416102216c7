// followthru digest --print | --html FILE | --send [--now ISO]
import { composeFromStore, sendDigest } from '../digest/deliver.js';
import { renderHtml } from '../digest/render-html.js';
import { renderText } from '../digest/render-text.js';
import { CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { VERBOSE_OPTION, withApp } from './with-app.js';
import { writePrivateFile } from '../store/index.js';

export const digestCommand: CliCommand = {
  name: 'digest',
  description: "compose today's digest: print it, write its HTML, or send it now",
  options: [
    CONFIG_OPTION,
    NOW_OPTION,
    VERBOSE_OPTION,
    { flags: '--print', description: 'write the text version to stdout (even on a quiet day)' },
    { flags: '--html <file>', description: 'write the HTML version to FILE' },
    { flags: '--send', description: "send it now (once a day: a second --send the same day does nothing)" },
  ],
  async run(_args, options) {
    const now = nowFrom(options);
    if (!options.print && !options.html && !options.send) {
      process.stderr.write('followthru digest: say what to do: --print, --html FILE or --send\n');
      return 2;
    }
    return withApp(options, async (app) => {
      if (options.print || options.html) {
        const digest = await composeFromStore(app, now, false);
        if (!digest) process.stdout.write('nothing to report\n');
        else {
          if (options.print) process.stdout.write(renderText(digest));
          if (typeof options.html === 'string') await writePrivateFile(options.html, renderHtml(digest));
        }
      }
      if (options.send) process.stdout.write(`digest: ${await sendDigest(app, now)}\n`);
      return 0;
    });
  },
};
