// Process shell: argv → command, exit codes. The only file that imports commander.
import { Command } from 'commander';
import type { CliCommand } from './cli/command.js';
import { COMMANDS } from './cli/index.js';
import { errorMessage, FollowthruError } from './errors.js';

function toCommander(program: Command, spec: CliCommand): void {
  const command = program.command(spec.args ? `${spec.name} ${spec.args}` : spec.name);
  command.description(spec.description);
  for (const option of spec.options) command.option(option.flags, option.description, option.default);
  command.action(async (...received: unknown[]) => {
    // commander passes the positional arguments, then the options object, then the command itself.
    const options = received[received.length - 2] as Record<string, unknown>;
    const args = received.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a.map(String) : a == null ? [] : [String(a)]));
    process.exitCode = await spec.run(args, options);
  });
}

// `followthru list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('followthru')
  .description('Keeps the promises you make by email.')
  .showHelpAfterError()
  .exitOverride();
for (const spec of COMMANDS) toCommander(program, spec);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
    process.exitCode = 0;
  } else if (typeof code === 'string' && code.startsWith('commander.')) {
    process.exitCode = 2;
  } else {
    const prefix = error instanceof FollowthruError ? `followthru: ${error.code}: ` : 'followthru: ';
    process.stderr.write(`${prefix}${errorMessage(error)}\n`);
    process.exitCode = error instanceof FollowthruError && error.code === 'ECONFIG' ? 2 : 1;
  }
}
