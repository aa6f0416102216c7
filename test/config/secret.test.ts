import { describe, expect, it } from 'vitest';
import { type PasswordSource, resolvePassword } from '../../src/config.js';
import { FollowthruError } from '../../src/errors.js';

const SECRET = 'c0rrect-h0rse';

describe('resolvePassword', () => {
  it.each<[string, PasswordSource, NodeJS.ProcessEnv, string]>([
    ['the password itself', { password: SECRET }, {}, SECRET],
    ['an environment variable', { passwordEnv: 'PW' }, { PW: SECRET }, SECRET],
    ['a command, trailing newline trimmed', { passwordCommand: `printf '%s\\n' ${SECRET}` }, {}, SECRET],
    ['a command, CRLF trimmed', { passwordCommand: `printf '%s\\r\\n' ${SECRET}` }, {}, SECRET],
    ['a command without newline', { passwordCommand: `printf %s ${SECRET}` }, {}, SECRET],
    ['a command reading the given env', { passwordCommand: 'printf "$PW"' }, { PW: SECRET }, SECRET],
    ['a pipeline', { passwordCommand: `printf '%s\\nnote: x\\n' ${SECRET} | head -n 1` }, {}, SECRET],
    ['spaces kept inside', { passwordCommand: "printf ' a b \\n'" }, {}, ' a b '],
    ['unset sources given as null', { password: SECRET, passwordEnv: null } as unknown as PasswordSource, {}, SECRET],
  ])('reads %s', async (_case, source, env, expected) => {
    expect(await resolvePassword(source, env)).toBe(expected);
  });
});

describe('resolvePassword, failures', () => {
  it.each<[string, PasswordSource, NodeJS.ProcessEnv, RegExp]>([
    ['no source', {}, {}, /imap: no password source is configured — fix:/],
    ['two sources', { password: SECRET, passwordEnv: 'PW' }, { PW: SECRET }, /both set/],
    [
      'an unset variable',
      { passwordEnv: 'PW' },
      {},
      /the environment variable it names is not set — fix: export that variable \(the name in imap\.passwordEnv\)/,
    ],
    ['an empty variable', { passwordEnv: 'PW' }, { PW: '' }, /is not set/],
    ['a password pasted as the variable name', { passwordEnv: 'c0rrectH0rse' }, {}, /is not set/],
    [
      'a password pasted as the command',
      { passwordCommand: SECRET },
      {},
      /exited with status 127: .*…: not found — fix:/,
    ],
    ['a password pasted inside a command', { passwordCommand: `pass show ${SECRET}` }, {}, /exited with status 127/],
    ['an empty password', { password: '' }, {}, /imap\.password is empty/],
    [
      'a failing command that printed the secret',
      { passwordCommand: `echo ${SECRET}; echo "no key ${SECRET}" >&2; exit 3` },
      {},
      /imap\.passwordCommand exited with status 3: no key … — fix:/,
    ],
    ['a command that prints nothing', { passwordCommand: 'true' }, {}, /printed nothing/],
    ['a command that prints two lines', { passwordCommand: `printf '%s\\nx\\n' ${SECRET}` }, {}, /more than one line/],
    ['a command not found', { passwordCommand: 'no-such-command-xyz' }, {}, /exited with status 127/],
  ])('explains %s without the secret', async (_case, source, env, expected) => {
    const error = await resolvePassword(source, env, { label: 'imap' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FollowthruError);
    expect(error).toMatchObject({ code: 'ESECRET', message: expect.stringMatching(expected) });
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).message).not.toContain('c0rrectH0rse');
  });

  it('kills a command that hangs, with its children, after the timeout', async () => {
    const started = Date.now();
    const source = { passwordCommand: `sleep 20; echo ${SECRET}` };
    const error = await resolvePassword(source, {}, { label: 'smtp', timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ESECRET',
      message: expect.stringMatching(/smtp\.passwordCommand did not finish within 200 ms/),
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
