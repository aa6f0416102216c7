// Process shell: argv → command, exit codes. The only file that imports commander. Commands import what they
// need when they run, so `--help` and `--version` load nothing else.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { CliCommand } from './cli/command.js';
import { EXIT } from './cli/exit-codes.js';
import { COMMANDS } from './cli/index.js';
import { errorMessage, FollowthruError } from './errors.js';
import { tuneHeap } from './heap.js';

function toCommander(program: Command, spec: CliCommand): void {
  const command = program.command(spec.args ? `${spec.name} ${spec.args}` : spec.name);
  command.description(spec.description);
  for (const option of spec.options) command.option(option.flags, option.description, option.default);
  command.action(async (...received: unknown[]) => {
    // commander passes the positional arguments, then the options object, then the command itself.
    const options = received[received.length - 2] as Record<string, unknown>;
    const args = received
      .slice(0, -2)
      .flatMap((a) => (Array.isArray(a) ? a.map(String) : a == null ? [] : [String(a)]));
    process.exitCode = await spec.run(args, options);
  });
}

/** package.json's version: the one users see in `npm ls -g` and in bug reports. */
function version(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Config and usage errors are the user's to fix (2); everything else is a runtime failure (1). */
function exitCodeOf(error: unknown): number {
  if (error instanceof FollowthruError && (error.code === 'ECONFIG' || error.code === 'EUSAGE')) return EXIT.usage;
  return EXIT.failure;
}

tuneHeap();

// `followthru list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

const program = new Command('followthru')
  .description('Keeps the promises you make by email.')
  .version(version(), '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();
for (const spec of COMMANDS) toCommander(program, spec);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
    process.exitCode = EXIT.ok;
  } else if (typeof code === 'string' && code.startsWith('commander.')) {
    process.exitCode = EXIT.usage;
  } else {
    const prefix = error instanceof FollowthruError ? `followthru: ${error.code}: ` : 'followthru: ';
    process.stderr.write(`${prefix}${errorMessage(error)}\n`);
    process.exitCode = exitCodeOf(error);
  }
}
