// The real built CLI (bin/ → dist/, built by `npm test` or `npx tsc -p tsconfig.build.json`), as a user runs it:
// exit code, stdout and stderr. Two call shapes: cli('list', '--json') or cli(['list', '--json'], { env, cwd }).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve('bin/followthru.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Extra node flags before the binary (e.g. --import a hook). */
  nodeArgs?: string[];
  input?: string;
  /** Run as this uid/gid (root only): to meet permissions that root would ignore. */
  uid?: number;
  gid?: number;
}

export function cli(...call: string[] | [string[], CliRun?]): Promise<CliResult> {
  const [args, options = {}] = Array.isArray(call[0]) ? (call as [string[], CliRun?]) : [call as string[], {}];
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      { cwd: options.cwd, env: options.env ?? process.env, uid: options.uid, gid: options.gid, timeout: 60_000 },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; signal?: string }) | null;
        const code = e ? (typeof e.code === 'number' ? e.code : -1) : 0;
        done({ code, stdout, stderr: `${stderr}${e?.signal ? ` (killed: ${e.signal})` : ''}` });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
