// Every command of the CLI, in the order `followthru --help` lists them.
import type { CliCommand } from './command.js';
import { evalCommand } from './eval.js';
import { explainCommand } from './explain.js';
import { extractCommand } from './extract.js';

export const COMMANDS: CliCommand[] = [extractCommand, explainCommand, evalCommand];
