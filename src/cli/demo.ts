// followthru demo: the whole real pipeline (parse → extract → store in a temporary SQLite file → track →
// compose) over the bundled sample mailbox, with the clock set inside its story. No account, no server.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml } from '../digest/render-html.js';
import { renderText } from '../digest/render-text.js';
import type { CliCommand } from './command.js';

/** Mon 16 Nov 2026, 07:30 in Chicago: the morning after the sample's two weeks. */
export const DEMO_NOW = '2026-11-16T07:30:00-06:00';

export function sampleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'sample', 'mailbox'))) return join(dir, 'sample');
  }
  throw new Error('the bundled sample/ folder was not found beside the package');
}

export interface DemoResult {
  text: string;
  html: string;
  counts: { messages: number; items: number };
  /** The weekly review's counts as of the same clock (it goes out on Fridays; `digest --weekly` shows it). */
  review: readonly string[];
}

export async function runDemo(now: Date): Promise<DemoResult> {
  const sample = sampleDir();
  const [
    { openApp },
    { parseConfig },
    { composeFromStore },
    { ingestLocal },
    { createLogger },
    { suggestKeepInTouch },
    { reviewFromStore },
  ] = await Promise.all([
    import('../app.js'),
    import('../config.js'),
    import('../digest/deliver.js'),
    import('../ingest/local.js'),
    import('../log.js'),
    import('../people/suggest.js'),
    import('../review/send.js'),
  ]);
  const work = await mkdtemp(join(tmpdir(), 'followthru-demo-'));
  try {
    const json = JSON.parse(await readFile(join(sample, 'config.json'), 'utf8')) as Record<string, unknown>;
    const config = parseConfig({ ...json, store: { path: join(work, 'demo.db') } }, join(sample, 'config.json'));
    const app = await openApp(config, { log: createLogger({ level: 'warn' }) });
    try {
      const outcome = await ingestLocal(app.deps, app.context(now), [join(sample, 'mailbox')]);
      await suggestKeepInTouch(app, now);
      const digest = await composeFromStore(app, now, false);
      if (!digest) throw new Error('the sample produced no digest');
      const review = await reviewFromStore(app, now);
      return {
        review: review.digest?.summary ?? [],
        text: renderText(digest),
        html: renderHtml(digest),
        counts: { messages: outcome.messages, items: outcome.created },
      };
    } finally {
      await app.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const demoCommand: CliCommand = {
  name: 'demo',
  description: "run the whole pipeline on the bundled sample mailbox and print the morning's digest",
  options: [
    { flags: '--html <file>', description: 'where to write the HTML digest', default: 'followthru-demo.html' },
    { flags: '--now <iso>', description: 'the clock', default: DEMO_NOW },
  ],
  async run(_args, options) {
    const now = new Date(String(options.now));
    // Wall time from the process's start: loading the libraries is part of what the user waits for.
    const started = performance.timeOrigin;
    const result = await runDemo(now);
    const htmlPath = resolve(String(options.html));
    await writeFile(htmlPath, result.html);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `followthru demo — Dana Reyes's mailbox (sample/), clock ${DEMO_NOW}\n` +
        `${result.counts.messages} mails read, ${result.counts.items} items tracked, in ${seconds}s (wall time, start-up included)\n\n${result.text}\n` +
        `The weekly review (Fridays 16:00; \`followthru digest --weekly --print\` shows it any day) would say:\n` +
        `${result.review.map((line) => `  ${line}`).join('\n')}\n\nHTML version: ${htmlPath}\n`,
    );
    return 0;
  },
};
