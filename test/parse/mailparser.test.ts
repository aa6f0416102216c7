// The parse adapter over small .eml fixtures named by behaviour (test/fixtures/parse/).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { offsetOfDateHeader, parseMessage } from '../../src/parse/mailparser.js';

const FIXTURES = resolve(process.cwd(), 'test', 'fixtures', 'parse');
const fromBytes = (bytes: Buffer, origin = 'file:test.eml') => parseMessage({ origin, mailbox: 'Sent', bytes });
const parse = (name: string) => fromBytes(readFileSync(join(FIXTURES, name)), `file:${name}`);

describe('parseMessage', () => {
  it('normalises ids, references and addresses, and keeps the sender offset', async () => {
    const m = await parse('quoted-old-promise.eml');
    expect(m.id).toBe('q2@northwind.example');
    expect(m.messageId).toBe('q2@northwind.example');
    expect(m.inReplyTo).toBe('q1@harbor.example');
    expect(m.references).toEqual(['q0@northwind.example', 'q1@harbor.example']);
    expect(m.from).toEqual([{ name: 'Dana Reyes', address: 'dana@northwind.example' }]);
    expect(m.tzOffsetMinutes).toBe(-360);
    expect(m.date?.toISOString()).toBe('2026-11-10T15:14:00.000Z');
    expect(m.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it.each([
    ['quoted-old-promise.eml', 'Thanks Priya, glad it helped.', 'revised quote'],
    [
      'outlook-original-message.eml',
      "Priya,\n\nI'll confirm the installation date with the crew by Wednesday.",
      'signed permit',
    ],
    ['lotus-forwarded.eml', 'John,\n\nI will send you the updated curves this afternoon.', 'storage numbers'],
    ['html-only.eml', "Hi Lee,\n\nI'll send the specs tomorrow.", 'call you'],
    ['group-addresses-crlf.eml', 'Hi all,\n\nI will book the room for Thursday.', 'iPhone'],
  ])('%s: new text is only the sender’s', async (name, newText, oldWords) => {
    const m = await parse(name);
    expect(m.newText).toBe(newText);
    expect(m.newText).not.toContain(oldWords);
  });

  it('keeps the quoted text in text, for the record', async () => {
    expect((await parse('lotus-forwarded.eml')).text).toContain('storage numbers');
  });

  it('reads an HTML-only mail without its style sheet', async () => {
    const m = await parse('html-only.eml');
    expect(m.text).not.toContain('color');
    expect(m.text).toContain('> I will call you.');
  });

  it('expands groups, lower-cases addresses, keeps only the decision headers', async () => {
    const m = await parse('group-addresses-crlf.eml');
    expect(m.to).toEqual([]);
    expect(m.bcc).toEqual([
      { name: '', address: 'lee@x.example' },
      { name: 'Ng, Kim', address: 'kim@x.example' },
    ]);
    expect(m.replyTo).toEqual([{ name: '', address: 'dana.reyes@northwind.example' }]);
    expect(m.references).toEqual(['a@x', 'b@x']);
    expect(m.headers).toEqual({
      'auto-submitted': 'no',
      'x-followthru-digest': '2026-11-17',
      from: 'Dana Reyes <dana@northwind.example>',
    });
    expect(m.tzOffsetMinutes).toBe(0);
  });

  it('expands a named group in Cc and reads an obsolete zone comment', async () => {
    const m = await parse('outlook-original-message.eml');
    expect(m.cc.map((a) => a.address)).toEqual(['ann@northwind.example', 'bo@northwind.example']);
    expect(m.tzOffsetMinutes).toBe(-300);
  });

  it('gives a mail without Message-ID a stable hash id', async () => {
    const [a, b] = [await parse('no-message-id.eml'), await parse('no-message-id.eml')];
    expect(a.messageId).toBeNull();
    expect(a.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.id).toBe(a.id);
    expect(a.subject).toBe('No id');
    expect(a.tzOffsetMinutes).toBe(60);
  });

  it('decodes other charsets', async () => {
    const m = await parse('latin1-charset.eml');
    expect(m.subject).toBe('Café');
    expect(m.from[0]?.name).toBe('René Dupré');
    expect(m.newText).toContain('café demain');
  });

  it('lists attachments by name, type and size without keeping their bytes', async () => {
    const m = await parse('attachment-brochure.eml');
    expect(m.attachments).toEqual([
      { filename: 'Northwind-Brochure-2026.pdf', contentType: 'application/pdf', size: expect.any(Number) },
    ]);
    expect(m.newText).toBe('Here is the brochure, as promised.');
    expect(m.size).toBe(readFileSync(join(FIXTURES, 'attachment-brochure.eml')).length);
  });

  it('strips NULs and control characters, and defaults a missing subject and date', async () => {
    const m = await fromBytes(Buffer.from('From: a@x.example\n\nI will\u0000 call\u0007 you.\n'));
    expect(m.newText).toBe('I will call you.');
    expect(m.subject).toBe('');
    expect(m.date).toBeNull();
    expect(m.messageId).toBeNull();
  });

  it('caps a huge body at a megabyte of text, keeping the start', async () => {
    const m = await fromBytes(Buffer.from(`From: a@x.example\n\nI will send it.\n${'lorem ipsum '.repeat(200_000)}\n`));
    expect(m.text.length).toBeLessThanOrEqual(1_000_000);
    expect(m.newText.startsWith('I will send it.')).toBe(true);
  });

  it('wraps what mailparser cannot read in EPARSE', async () => {
    const error = await parseMessage({ origin: 'file:x', mailbox: 'Sent', bytes: 42 as unknown as Buffer }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FollowthruError);
    expect((error as FollowthruError).code).toBe('EPARSE');
  });

  it.each([
    ['Tue, 10 Nov 2026 09:14:00 -0600', -360],
    ['Tue, 10 Nov 2026 09:14:00 +0530', 330],
    ['Tue, 10 Nov 2026 09:14:00 -0700 (PDT)', -420],
    ['Tue, 10 Nov 2026 09:14:00 GMT', 0],
    ['Tue, 10 Nov 2026 09:14:00 UT', 0],
    ['Tue, 10 Nov 2026 09:14:00 Z', 0],
    ['Tue, 10 Nov 2026 09:14:00 EST', -300],
    ['Tue, 10 Nov 2026 09:14:00 -0000', 0],
    ['Tue, 10 Nov 2026 09:14:00 XYZ', 0],
    ['garbage', 0],
    [undefined, 0],
  ])('offset of %s is %i', (header, offset) => expect(offsetOfDateHeader(header)).toBe(offset));
});
