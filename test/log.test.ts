import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel, maskSecrets, registerSecret } from '../src/log.js';

function collect(level: LogLevel = 'trace') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines, text: () => lines.join('') };
}

const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe('registered secrets', () => {
  const secret = 'hunter2-Corr3ct"Horse\\Battery';
  registerSecret(secret);
  const forms = [
    ['as written', secret],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64url', Buffer.from(secret).toString('base64url')],
  ];

  it('never appear in output logged at trace level, wherever they hide', () => {
    const { logger, text } = collect('trace');
    logger.trace(`login with ${secret}`);
    logger.debug({ note: `the server said ${secret}` }, 'auth reply');
    logger.info({ deep: { deeper: { list: ['x', secret, { y: secret }] } } });
    logger.warn({ err: new Error(`bad password ${secret}`) }, 'failed');
    logger.error({ error: new Error(secret) });
    logger.child({ session: secret }).info('child line');
    logger.info(`AUTH PLAIN ${Buffer.from(secret).toString('base64')}`);
    const output = text();
    for (const [, form] of forms) expect(occurrences(output, form as string)).toBe(0);
    expect(occurrences(output, '[secret]')).toBeGreaterThanOrEqual(8);
  });

  it.each(forms)('masks the %s form in any text', (_name, form) => {
    expect(maskSecrets(`before ${form} after`)).toBe('before [secret] after');
  });

  it('writes one JSON object per line, still valid after masking', () => {
    const { logger, lines } = collect();
    logger.info({ value: secret }, 'm');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', value: '[secret]', msg: 'm' });
  });
});

describe('redacted keys', () => {
  it.each([
    ['password', { password: 'not-registered-1' }],
    ['pass inside auth', { imap: { auth: { user: 'me', pass: 'not-registered-2' } } }],
    ['token three levels down', { a: { b: { token: 'not-registered-3' } } }],
    ['authorization header', { headers: { authorization: 'Basic not-registered-4' } }],
  ])('hides %s', (_case, fields) => {
    const { logger, text } = collect();
    logger.info(fields, 'x');
    expect(text()).not.toMatch(/not-registered/);
    expect(text()).toContain('[redacted]');
  });
});

describe('logger, negative cases', () => {
  it('drops lines below its level', () => {
    const { logger, lines } = collect('warn');
    logger.info('quiet');
    logger.debug({ a: 1 }, 'quieter');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });

  it('prints nothing when silent', () => {
    const { logger, lines } = collect('silent');
    logger.error('nothing');
    expect(lines).toEqual([]);
  });

  it('does not mask values too short to be secrets', () => {
    registerSecret('abc');
    expect(maskSecrets('abc')).toBe('abc');
  });

  it('keeps child bindings on every line', () => {
    const { logger, lines } = collect();
    logger.child({ folder: 'Sent' }).info('synced');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ folder: 'Sent', msg: 'synced' });
  });
});
