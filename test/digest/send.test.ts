import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpConfig } from '../../src/config.js';
import { composeRaw, type OutgoingMail, sendSmtp } from '../../src/digest/send.js';
import { FollowthruError } from '../../src/errors.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const mail: OutgoingMail = {
  from: 'dana@northwind.example',
  to: 'dana@northwind.example',
  subject: 'followthru: 2 overdue',
  text: '1. send the quote',
  html: '<p>1. send the quote</p>',
  messageId: '<followthru.abc123@northwind.example>',
  headers: { 'X-Followthru-Digest': 'abc123', 'Auto-Submitted': 'auto-generated' },
  date: new Date('2026-11-16T13:30:00Z'),
};

describe('sendSmtp against a real SMTP server on loopback', () => {
  let smtp: TestSmtp;
  const PASSWORD = 'sm7p-secret';
  beforeAll(async () => {
    smtp = await startSmtp({ password: PASSWORD });
  });
  afterAll(() => smtp.stop());
  const config = (): SmtpConfig => ({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    allowInsecure: true,
    user: 'dana',
  });

  it('delivers the digest with its headers, logged in', async () => {
    await sendSmtp(mail, config(), PASSWORD);
    const got = smtp.received.at(-1);
    expect(got?.to).toEqual(['dana@northwind.example']);
    expect(got?.user).toBe('dana');
    expect(got?.raw).toMatch(/^X-Followthru-Digest: abc123\r?$/m);
    expect(got?.raw).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    expect(got?.raw).toMatch(/^Message-ID: <followthru\.abc123@northwind\.example>\r?$/im);
  });

  it('a wrong password is an ESMTP error that does not echo the password', async () => {
    const error = await sendSmtp(mail, config(), 'wrong-pass-word').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FollowthruError);
    expect((error as FollowthruError).code).toBe('ESMTP');
    expect(String((error as Error).message)).not.toContain('wrong-pass-word');
  });

  it('refuses plaintext to a server without STARTTLS unless allowInsecure', async () => {
    const error = await sendSmtp(mail, { ...config(), allowInsecure: false }, PASSWORD).catch((e: unknown) => e);
    expect((error as FollowthruError).code).toBe('ESMTP');
  });
});

describe('composeRaw', () => {
  it('builds a complete multipart mail for IMAP APPEND', async () => {
    const raw = (await composeRaw(mail)).toString('utf8');
    expect(raw).toContain('multipart/alternative');
    expect(raw).toMatch(/^Subject: followthru: 2 overdue\r$/m);
    expect(raw).toContain('X-Followthru-Digest: abc123');
  });
});
