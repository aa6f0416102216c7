// Every command of the CLI, in the order `followthru --help` lists them.
import { backupCommand } from './backup.js';
import type { CliCommand } from './command.js';
import { demoCommand } from './demo.js';
import { digestCommand } from './digest.js';
import { doctorCommand } from './doctor.js';
import { evalCommand } from './eval.js';
import { explainCommand } from './explain.js';
import { extractCommand } from './extract.js';
import { icsCommand } from './ics.js';
import { initCommand } from './init/index.js';
import { ITEM_COMMANDS } from './items.js';
import { listCommand } from './list.js';
import { loginCommand } from './login.js';
import { restoreCommand } from './restore.js';
import { runCommand } from './run.js';
import { statusCommand } from './status.js';
import { peopleCommand } from './people.js';
import { syncCommand } from './sync.js';
import { trainCommand } from './train.js';

export const COMMANDS: CliCommand[] = [
  demoCommand,
  runCommand,
  syncCommand,
  digestCommand,
  initCommand,
  loginCommand,
  doctorCommand,
  listCommand,
  ...ITEM_COMMANDS,
  statusCommand,
  peopleCommand,
  icsCommand,
  backupCommand,
  restoreCommand,
  extractCommand,
  explainCommand,
  evalCommand,
  trainCommand,
];
