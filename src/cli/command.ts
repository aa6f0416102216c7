// What a command is, independent of the argv library: main.ts turns these into the CLI.
import { FollowthruError } from '../errors.js';

export interface CliOption {
  /** Commander-style flags: "--json", "--tz <zone>", "-c, --config <file>". */
  flags: string;
  description: string;
  default?: string | boolean;
}

export interface CliCommand {
  name: string;
  /** Positional arguments in commander syntax: "<file>", "<path...>", "[id...]". */
  args?: string;
  description: string;
  options: CliOption[];
  /** Returns the process exit code. */
  run(args: string[], options: Record<string, unknown>): Promise<number>;
}

/** Options every command that touches the clock takes. */
export const NOW_OPTION: CliOption = {
  flags: '--now <iso>',
  description: 'the clock, as an ISO date-time (for tests and demos)',
};

export const ACCOUNT_OPTION: CliOption = {
  flags: '--account <id>',
  description: "only this account's items (default: every account)",
};

export const CONFIG_OPTION: CliOption = {
  flags: '-c, --config <file>',
  description: 'config file (default: $FOLLOWTHRU_CONFIG, ./config.json, or ~/.config/followthru/config.json)',
};

/** Reads --now, or the real clock. */
export function nowFrom(options: Record<string, unknown>): Date {
  const raw = options.now;
  if (typeof raw !== 'string') return new Date();
  const now = new Date(raw);
  if (Number.isNaN(now.getTime())) throw new FollowthruError('EUSAGE', `--now: '${raw}' is not an ISO date-time`);
  return now;
}
