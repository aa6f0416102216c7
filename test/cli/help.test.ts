// Help and flags agree: every "--flag" a help text mentions is a flag of the command it is said of, in the
// top-level list and in each command's own --help (the real binary). "followthru X … --flag" is checked
// against X.
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const FLAG = /--[a-z][a-z-]*/g;

/** The flags a command's --help defines in its Options section. */
function definedFlags(help: string): Set<string> {
  const options = help.split(/^Options:$/m)[1]?.split(/^\S/m)[0] ?? '';
  const flags = options.split('\n').flatMap((line) => /^\s+(?:-\w, )?(--[a-z][a-z-]*)/.exec(line)?.[1] ?? []);
  return new Set(flags);
}

/** [command the mention is about, flag] for each "--flag" in the text. */
function mentions(text: string, about: string): [string, string][] {
  return [...text.matchAll(FLAG)].map((m) => {
    const before = text.slice(0, m.index).split('\n').pop() ?? '';
    const other = /followthru ([a-z-]+)[^"'`]*$/.exec(before)?.[1];
    return [other ?? about, m[0]];
  });
}

describe('help and flags agree (every command)', () => {
  it('every flag each help text mentions exists on the command it names', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    // One entry per command; commander wraps long descriptions onto indented continuation lines.
    const lines: string[] = [];
    for (const line of (top.stdout.split(/^Commands:$/m)[1] ?? '').split('\n')) {
      if (/^ {2}[a-z]/.test(line)) lines.push(line);
      else if (line.trim() !== '' && lines.length > 0) lines[lines.length - 1] += ` ${line.trim()}`;
    }
    const names = lines.map((l) => l.trim().split(/\s+/)[0] ?? '').filter((n) => n !== 'help');
    expect(names.length).toBeGreaterThan(10);
    const helps = new Map<string, string>();
    for (const name of names) {
      const own = await cli(name, '--help');
      expect(own.code, `${name} --help`).toBe(0);
      helps.set(name, own.stdout);
    }
    const wrong: string[] = [];
    const check = (about: string, flag: string, where: string) => {
      const help = helps.get(about);
      if (flag === '--help') return;
      if (!help || !definedFlags(help).has(flag))
        wrong.push(`${where} mentions ${flag}, which "${about}" does not have`);
    };
    for (const line of lines) {
      const name = line.trim().split(/\s+/)[0] ?? '';
      if (name === 'help') continue;
      const description = line.trim().slice(line.trim().search(/\s{2,}/));
      for (const [about, flag] of mentions(description, name)) check(about, flag, `followthru --help (${name})`);
    }
    for (const [name, help] of helps) {
      const prose = help.replace(/^\s+(?:-\w, )?--[a-z][a-z-]*(?: [<[][^>\]]+[>\]])?/gm, '');
      for (const [about, flag] of mentions(prose, name)) check(about, flag, `followthru ${name} --help`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
