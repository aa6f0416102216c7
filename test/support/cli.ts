// Runs the real built binary (dist/, built by `npm test` or `npx tsc -p tsconfig.build.json`).
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

export function cli(args: string[], options: CliRun = {}): Promise<CliResult> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      { cwd: options.cwd, env: options.env ?? process.env, uid: options.uid, gid: options.gid, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
