// What the README tells a newcomer to type must be safe and true: no npx resolving our name remotely, a systemd
// unit with absolute paths to files that exist here, and the exit-code table the code uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('never runs followthru through npx', () => {
    expect(readme).not.toMatch(/npx\s+followthru/);
    expect(readme).not.toMatch(/ExecStart=.*npx/);
  });

  it('has one install line that links the command, after npm ci', () => {
    const install = readme.indexOf('npm install -g .');
    expect(install).toBeGreaterThan(readme.indexOf('npm ci'));
    expect(readme.match(/^ {4}npm (install -g|link)\b/gm)).toHaveLength(1);
  });

  it("the systemd unit's ExecStart names absolute paths, and the script it runs exists", () => {
    const exec = /^\s*ExecStart=(\S+) (\S+) run$/m.exec(readme);
    expect(exec?.[1]).toMatch(/^\//);
    expect(exec?.[2]).toMatch(/^%h\/followthru\/bin\/followthru\.js$/);
    expect(readFileSync('bin/followthru.js', 'utf8')).toContain('dist/src/main.js');
  });

  it('documents the exit codes the CLI uses', () => {
    for (const code of Object.values(EXIT)) expect(readme).toMatch(new RegExp(`^\\| ${code}\\s+\\|`, 'm'));
  });
});
