// Reading a password when it is needed, from exactly one source. No message here ever holds the password:
// a failing command's stdout is never shown, and is scrubbed from the stderr that is.
import { spawn } from 'node:child_process';
import { FollowthruError } from '../errors.js';
import type { PasswordSource } from './types.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 64 * 1024;

const secretError = (message: string, cause?: unknown): FollowthruError =>
  new FollowthruError('ESECRET', message, cause === undefined ? undefined : { cause });

interface CommandResult {
  code: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** /bin/sh -c in its own process group, so a timeout kills the pipeline, not just the shell. */
function runCommand(command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      out.stdout = (out.stdout + chunk.toString('utf8')).slice(0, MAX_OUTPUT);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out.stderr = (out.stderr + chunk.toString('utf8')).slice(0, MAX_OUTPUT);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, ...out });
    });
  });
}

/**
 * The command's first stderr line, with what might be a password cut out: whatever reached stdout, and the
 * command's own words (a password pasted into passwordCommand by mistake comes back as "sh: 1: <it>: not found").
 */
function firstStderrLine(result: CommandResult, command: string): string {
  let text = result.stderr;
  const words = command.split(/\s+/).filter((w) => w.length >= 4);
  const cut = [command.trim(), ...words, ...result.stdout.split('\n').map((l) => l.trim())].filter(Boolean);
  for (const piece of cut.sort((a, b) => b.length - a.length)) text = text.split(piece).join('…');
  const first = text.trim().split('\n')[0]?.trim().slice(0, 200) ?? '';
  return first ? `: ${first}` : '';
}

/** `field` names the setting in messages ("imap.passwordCommand"); `what` the secret it prints. */
async function fromCommand(
  command: string,
  env: NodeJS.ProcessEnv,
  field: string,
  timeoutMs: number,
  what = 'password',
) {
  const result = await runCommand(command, env, timeoutMs).catch((error: unknown) => {
    throw secretError(`${field} could not be started — fix: check that /bin/sh exists`, error);
  });
  if (result.timedOut) {
    const fix = 'make the command non-interactive (unlock the keyring or gpg-agent first)';
    throw secretError(`${field} did not finish within ${timeoutMs} ms — fix: ${fix}`);
  }
  if (result.code !== 0) {
    const fix = 'run the command in a shell to see what it needs';
    throw secretError(`${field} exited with status ${result.code}${firstStderrLine(result, command)} — fix: ${fix}`);
  }
  const secret = result.stdout.replace(/\r?\n$/, '');
  if (secret === '') {
    throw secretError(`${field} printed nothing — fix: make it print the ${what} on stdout`);
  }
  if (/[\r\n]/.test(secret)) {
    const fix = `print only the ${what}, e.g. append "| head -n 1"`;
    throw secretError(`${field} printed more than one line — fix: ${fix}`);
  }
  return secret;
}

/** A fresh access token from oauth2.tokenCommand, with passwordCommand's timeout and error handling. */
export function resolveTokenCommand(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { label?: string; timeoutMs?: number } = {},
): Promise<string> {
  const field = `${options.label ?? 'oauth2'}.oauth2.tokenCommand`;
  return fromCommand(command, env, field, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'access token');
}

/**
 * The password from exactly one of passwordEnv, passwordCommand, password. `label` names the block in
 * messages ("imap", "smtp"). Register the result with the logger's registerSecret right away.
 */
export async function resolvePassword(
  source: PasswordSource,
  env: NodeJS.ProcessEnv = process.env,
  options: { label?: string; timeoutMs?: number } = {},
): Promise<string> {
  const where = options.label ?? 'password';
  const set = (['passwordEnv', 'passwordCommand', 'password'] as const).filter((k) => source[k] != null);
  if (set.length === 0) {
    const fix = `set "passwordEnv" (an environment variable's name) or "passwordCommand" in the ${where} block`;
    throw secretError(`${where}: no password source is configured — fix: ${fix}`);
  }
  if (set.length > 1) {
    throw secretError(`${where}: ${set.join(' and ')} are both set — fix: keep exactly one password source`);
  }
  if (source.password != null) {
    if (source.password === '') throw secretError(`${where}.password is empty — fix: set it, or use passwordEnv`);
    return source.password;
  }
  if (source.passwordEnv != null) {
    const name = source.passwordEnv;
    const value = env[name];
    if (value === undefined || value === '') {
      // The name is never repeated: a password pasted here by mistake would be logged on every retry.
      throw secretError(
        `${where}.passwordEnv: the environment variable it names is not set — fix: export that variable (the name in ${where}.passwordEnv) where followthru starts`,
      );
    }
    return value;
  }
  return fromCommand(
    source.passwordCommand ?? '',
    env,
    `${where}.passwordCommand`,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
}
