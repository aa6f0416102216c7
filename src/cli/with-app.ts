// Shared start-up for the commands that work on the user's store: load the config, open the app, close it.
import { type App, openApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { CliOption } from './command.js';

export const VERBOSE_OPTION: CliOption = { flags: '-v, --verbose', description: 'log debug lines on stderr' };

export async function withApp<T>(options: Record<string, unknown>, fn: (app: App) => Promise<T>): Promise<T> {
  const config = await loadConfig(typeof options.config === 'string' ? options.config : undefined);
  const app = await openApp(config, { verbose: options.verbose === true });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
