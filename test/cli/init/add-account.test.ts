import { describe, expect, it } from 'vitest';
import { addAccount, configFrom, defaultsFor, type InitAnswers } from '../../../src/cli/init/answers.js';
import { parseConfig } from '../../../src/config.js';

const answers = (email: string): InitAnswers => ({
  ...defaultsFor(email, 'Europe/Paris'),
  imapHost: 'imap.example.com',
  password: { passwordEnv: 'PW' },
  sentFolder: 'Sent',
});

describe('init --add', () => {
  it('turns a single-account file into accounts "default" + the new one, shared settings kept', () => {
    const before = configFrom(answers('one@example.com'));
    const after = addAccount(before, 'work', answers('two@example.com'));
    const config = parseConfig(after, '/tmp/config.json');
    expect(config.accounts.map((a) => [a.id, a.me[0]])).toEqual([
      ['default', 'one@example.com'],
      ['work', 'two@example.com'],
    ]);
    expect(config.timezone).toBe('Europe/Paris');
    expect(config.digest.to).toBe('one@example.com'); // the digest still goes where it went
    expect(after).not.toHaveProperty('me');
  });

  it('appends to a file that already has accounts', () => {
    const two = addAccount(configFrom(answers('one@example.com')), 'work', answers('two@example.com'));
    const three = addAccount(two, 'home', answers('three@example.com'));
    expect(parseConfig(three, '/tmp/config.json').accounts.map((a) => a.id)).toEqual(['default', 'work', 'home']);
  });

  it.each([
    ['an id already in the file', 'work'],
    ['"default" for the second account', 'default'],
  ])('refuses %s', (_name, id) => {
    const one = configFrom(answers('one@example.com'));
    const file = id === 'work' ? addAccount(one, 'work', answers('two@example.com')) : one;
    expect(() => addAccount(file, id, answers('x@example.com'))).toThrow(/another --id/);
  });
});
