// Shared start-up for the commands that work on the user's store: load the config, open the app, close it.
// Everything behind it is imported on call, so listing the commands (`--help`) loads none of it.
import type { App, StoreApp } from '../app.js';
import { FollowthruError } from '../errors.js';
import { LOG_FORMATS, type LogFormat } from '../log-format.js';
import type { CliOption } from './command.js';

export const VERBOSE_OPTION: CliOption = { flags: '-v, --verbose', description: 'log debug lines on stderr' };
export const LOG_FORMAT_OPTION: CliOption = {
  flags: '--log-format <format>',
  description: 'log lines as json or human (default: human on a terminal, json under systemd or a pipe)',
};

/** --log-format, checked: a wrong value is a usage error (exit 2), not a silent default. */
function logFormatOf(options: Record<string, unknown>): LogFormat | undefined {
  const value = options.logFormat;
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (LOG_FORMATS as readonly string[]).includes(value)) return value as LogFormat;
  throw new FollowthruError('EUSAGE', `--log-format: "${String(value)}" is not one of ${LOG_FORMATS.join(', ')}`);
}

const configOf = async (options: Record<string, unknown>) => {
  const { loadConfig } = await import('../config.js');
  return loadConfig(typeof options.config === 'string' ? options.config : undefined);
};

/** The whole pipeline (sync, run, digest): extractor, reply handler, store. */
export async function withApp<T>(options: Record<string, unknown>, fn: (app: App) => Promise<T>): Promise<T> {
  const { openApp } = await import('../app.js');
  const app = await openApp(await configOf(options), {
    verbose: options.verbose === true,
    logFormat: logFormatOf(options),
  });
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
  const app = await openStoreApp(await configOf(options), {
    verbose: options.verbose === true,
    logFormat: logFormatOf(options),
    readOnly: access.readOnly,
  });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
