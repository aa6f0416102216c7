// Every command of the CLI, in the order `followthru --help` lists them.
import type { CliCommand } from './command.js';

export const COMMANDS: CliCommand[] = [];
