// Shared start-up for the commands that work on the user's store: load the config, open the app, close it.
// Everything behind it is imported on call, so listing the commands (`--help`) loads none of it.
import type { App, StoreApp } from '../app.js';
import type { CliOption } from './command.js';

export const VERBOSE_OPTION: CliOption = { flags: '-v, --verbose', description: 'log debug lines on stderr' };

const configOf = async (options: Record<string, unknown>) => {
  const { loadConfig } = await import('../config.js');
  return loadConfig(typeof options.config === 'string' ? options.config : undefined);
};

/** The whole pipeline (sync, run, digest): extractor, reply handler, store. */
export async function withApp<T>(options: Record<string, unknown>, fn: (app: App) => Promise<T>): Promise<T> {
  const { openApp } = await import('../app.js');
  const app = await openApp(await configOf(options), { verbose: options.verbose === true });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** The store alone; `readOnly` for commands that never write (they then work on a read-only store). */
export async function withStore<T>(
  options: Record<string, unknown>,
  fn: (app: StoreApp) => Promise<T>,
  access: { readOnly?: boolean } = {},
): Promise<T> {
  const { openStoreApp } = await import('../app.js');
  const app = await openStoreApp(await configOf(options), { verbose: options.verbose === true, readOnly: access.readOnly });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
