// Every command of the CLI, in the order `followthru --help` lists them.
import { backupCommand } from './backup.js';
import type { CliCommand } from './command.js';
import { demoCommand } from './demo.js';
import { evalCommand } from './eval.js';
import { explainCommand } from './explain.js';
import { extractCommand } from './extract.js';
import { icsCommand } from './ics.js';
import { listCommand } from './list.js';
import { statusCommand } from './status.js';

export const COMMANDS: CliCommand[] = [
  demoCommand,
  listCommand,
  statusCommand,
  icsCommand,
  backupCommand,
  extractCommand,
  explainCommand,
  evalCommand,
];
