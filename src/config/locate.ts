// Where the config lives when no --config is given: $FOLLOWTHRU_CONFIG, ./config.json, then the XDG place
// ($XDG_CONFIG_HOME/followthru/config.json, default ~/.config/followthru/), which is where `init` writes.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { FollowthruError } from '../errors.js';

/** The XDG config file, whether or not it exists. */
export function xdgConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'followthru', 'config.json');
}

/** The places looked at, in order, when neither --config nor $FOLLOWTHRU_CONFIG is given. */
export function defaultConfigPaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string[] {
  return [resolve(cwd, 'config.json'), xdgConfigPath(env)];
}

/**
 * The config file to read. An explicit path (flag or env) is taken as given, so its own "not found" names it;
 * otherwise the first default place that exists, or an error that says how to make one.
 */
export function locateConfig(
  path: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string {
  const explicit = path || env.FOLLOWTHRU_CONFIG;
  if (explicit) return resolve(cwd, explicit);
  const candidates = defaultConfigPaths(env, cwd);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  const fix = 'run `followthru init` (it writes the second one), or pass --config FILE, or set FOLLOWTHRU_CONFIG';
  throw new FollowthruError('ECONFIG', `no config found (looked for ${candidates.join(' and ')}) — fix: ${fix}`);
}
