import { describe, expect, it } from 'vitest';
import { presetFor } from '../../../src/cli/init/presets.js';

describe('presetFor', () => {
  it.each([
    ['ana@gmail.com', 'imap.gmail.com', 'smtp.gmail.com', true],
    ['ana@Hotmail.com', 'outlook.office365.com', 'smtp.office365.com', true],
    ['ana@me.com', 'imap.mail.me.com', 'smtp.mail.me.com', true],
    ['ana@fastmail.com', 'imap.fastmail.com', 'smtp.fastmail.com', true],
    ['ana@yahoo.com', 'imap.mail.yahoo.com', 'smtp.mail.yahoo.com', true],
    ['ana@northwind-solar.example', 'imap.northwind-solar.example', 'smtp.northwind-solar.example', false],
  ])('%s → %s / %s', (address, imap, smtp, explainsAppPassword) => {
    const preset = presetFor(address);
    expect(preset.imap.host).toBe(imap);
    expect(preset.smtp.host).toBe(smtp);
    expect(preset.passwordHelp !== null).toBe(explainsAppPassword);
  });
});
