import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { failure, minimal, tempDir, withConfig, writeConfig } from './helpers.js';

const SECRET = 'Sup3r-Secret-Pw!';

describe('loadConfig, unusable files', () => {
  it.each([
    ['a trailing comma', '{\n  "me": ["a@b.c"],\n}', /not valid JSON at line 3, column 1/],
    ['an empty file', '', /not valid JSON: the file is empty/],
    ['a comment', '{ /* no */ }', /not valid JSON.*fix: .*no comments/],
  ])('explains invalid JSON: %s', async (_case, text, expected) => {
    expect(await failure(text)).toMatch(expected);
  });

  it('explains a missing file and how to make one', async () => {
    const path = join(await tempDir(), 'nope.json');
    await expect(loadConfig(path, {})).rejects.toMatchObject({
      code: 'ECONFIG',
      message: /no config file at .*nope\.json — fix: run `followthru init --out .*nope\.json`/,
    });
  });

  it('explains a folder given as the file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'config.json'));
    await expect(loadConfig(join(dir, 'config.json'), {})).rejects.toMatchObject({
      code: 'ECONFIG',
      message: /is a folder/,
    });
  });

  it.skipIf(process.getuid?.() === 0)('explains an unreadable file', async () => {
    const path = await writeConfig(minimal(), 0o000);
    await expect(loadConfig(path, {})).rejects.toMatchObject({
      code: 'ECONFIG',
      message: /permission denied/,
    });
  });
});

describe('loadConfig, passwords in the file', () => {
  const withPassword = withConfig({ imap: { passwordEnv: undefined, password: SECRET } });

  it.each([0o644, 0o640, 0o604, 0o660])('refuses a password in a file with mode %o, saying chmod 600', async (mode) => {
    const path = await writeConfig(withPassword, mode);
    await expect(loadConfig(path, {})).rejects.toMatchObject({
      code: 'ECONFIG',
      message: expect.stringContaining(`fix: chmod 600 ${path}`),
    });
  });

  const withCommand = withConfig({ imap: { passwordEnv: undefined, passwordCommand: 'pass show mail' } });
  it.each([0o666, 0o646, 0o620, 0o602])(
    'refuses a passwordCommand in a file others can write (mode %o)',
    async (mode) => {
      const path = await writeConfig(withCommand, mode);
      await expect(loadConfig(path, {})).rejects.toMatchObject({
        code: 'ECONFIG',
        message: expect.stringMatching(
          new RegExp(
            `imap\\.passwordCommand: is set, but other users can change the config file .*it was not run — fix: chmod 600 ${path}`,
          ),
        ),
      });
    },
  );

  it('accepts a passwordCommand in a file others can only read', async () => {
    await expect(loadConfig(await writeConfig(withCommand, 0o644), {})).resolves.toBeDefined();
  });

  it('accepts a readable file when it holds no password', async () => {
    await expect(loadConfig(await writeConfig(minimal(), 0o644), {})).resolves.toBeDefined();
  });

  it.each<[string, unknown, number]>([
    ['the permission refusal', withPassword, 0o644],
    ['other errors beside it', withConfig({ imap: { passwordEnv: undefined, password: SECRET, port: -1 } }), 0o600],
    ['two sources', withConfig({ imap: { password: SECRET } }), 0o600],
    ['a password of the wrong type', withConfig({ smtp: { host: 'h.example.com', password: [SECRET] } }), 0o600],
    ['a misspelt key holding it', withConfig({ imap: { passwd: SECRET } }), 0o600],
    ['invalid JSON around it', `{"imap": {"password": ${SECRET}}}`, 0o600],
    ['invalid JSON right after it', `{"imap": {"password": "${SECRET}" "x": 1}}`, 0o600],
  ])('never shows the password in %s', async (_case, content, mode) => {
    expect(await failure(content, mode)).not.toContain(SECRET);
  });
});
