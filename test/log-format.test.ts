import { describe, expect, it } from 'vitest';
import { defaultLogFormat, humanLine } from '../src/log-format.js';
import { createLogger, registerSecret } from '../src/log.js';

describe('defaultLogFormat', () => {
  it.each<[string, NodeJS.ProcessEnv, boolean, string]>([
    ['a terminal', {}, true, 'human'],
    ['a pipe', {}, false, 'json'],
    ['systemd, even with a terminal', { JOURNAL_STREAM: '8:1234' }, true, 'json'],
    ['a systemd service', { INVOCATION_ID: 'abc' }, false, 'json'],
  ])('%s → %s', (_case, env, tty, expected) => {
    expect(defaultLogFormat(env, tty)).toBe(expected);
  });
});

describe('humanLine', () => {
  it('time, level, message, then the fields', () => {
    const line = humanLine(
      JSON.stringify({
        level: 'warn',
        time: '2026-11-16T13:30:05.000Z',
        pid: 1,
        hostname: 'h',
        msg: 'sync interrupted',
        reason: 'timed out',
        attempt: 2,
      }),
    );
    expect(line).toMatch(/^\d\d:\d\d:05 warn {2}sync interrupted {2}reason="timed out" attempt=2\n$/);
  });

  it('leaves a line that is not JSON as it is', () => {
    expect(humanLine('plain\n')).toBe('plain\n');
  });

  it('a human logger masks secrets like the JSON one', () => {
    registerSecret('hunter2-human-secret');
    const out: string[] = [];
    createLogger({ format: 'human', destination: { write: (l) => out.push(l) } }).info(
      { note: 'pw hunter2-human-secret' },
      'login',
    );
    expect(out.join('')).toMatch(/info {2}login {2}note="pw \[secret\]"/);
  });
});
