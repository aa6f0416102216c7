import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { offsetOfDateHeader, parseMessage } from '../../src/parse/mailparser.js';
import { sharedDir } from '../support/shared.js';

const FIXTURES = resolve(process.cwd(), 'test', 'fixtures', 'parse');
const parse = (name: string) =>
  parseMessage({ origin: `file:${name}`, mailbox: 'Sent', bytes: readFileSync(join(FIXTURES, name)) });

describe('parseMessage', () => {
  it('normalises ids, references and addresses, and keeps the sender offset', async () => {
    const m = await parse('quoted-old-promise.eml');
    expect(m.id).toBe('q2@northwind.example');
    expect(m.inReplyTo).toBe('q1@harbor.example');
    expect(m.references).toEqual(['q0@northwind.example', 'q1@harbor.example']);
    expect(m.from).toEqual([{ name: 'Dana Reyes', address: 'dana@northwind.example' }]);
    expect(m.tzOffsetMinutes).toBe(-360);
    expect(m.date?.toISOString()).toBe('2026-11-10T15:14:00.000Z');
  });

  it('never passes a quoted promise on as new text', async () => {
    const m = await parse('quoted-old-promise.eml');
    expect(m.newText).toBe('Thanks Priya, glad it helped.');
    expect(m.text).toContain('revised quote');
  });

  it('turns HTML-only mail into text, quotes included as quotes', async () => {
    const m = await parse('html-only.eml');
    expect(m.newText).toContain("I'll send the specs tomorrow.");
    expect(m.newText).not.toContain('call you');
    expect(m.newText).not.toContain('color');
  });

  it('gives a mail without Message-ID a stable hash id', async () => {
    const [a, b] = [await parse('no-message-id.eml'), await parse('no-message-id.eml')];
    expect(a.messageId).toBeNull();
    expect(a.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.id).toBe(a.id);
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
      expect.objectContaining({ filename: 'Northwind-Brochure-2026.pdf', contentType: 'application/pdf' }),
    ]);
    expect(m.newText).toBe('Here is the brochure, as promised.');
  });

  it.each([
    ['Tue, 10 Nov 2026 09:14:00 -0600', -360],
    ['Tue, 10 Nov 2026 09:14:00 +0530', 330],
    ['Tue, 10 Nov 2026 09:14:00 -0700 (PDT)', -420],
    ['Tue, 10 Nov 2026 09:14:00 GMT', 0],
    [undefined, 0],
  ])('offset of %s is %i', (header, offset) => expect(offsetOfDateHeader(header)).toBe(offset));
});

describe('hostile MIME (../shared/fixtures/hostile-mime): parse or EPARSE, never a crash or a hang', () => {
  const root = sharedDir('fixtures', 'hostile-mime');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile() && !/LICENSE|UPSTREAM|README/i.test(f));
  it('found the corpus', () => expect(files.length).toBeGreaterThan(100));
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', async (_name, file) => {
    const started = performance.now();
    try {
      const m = await parseMessage({ origin: `file:${file}`, mailbox: 'INBOX', bytes: readFileSync(file) });
      expect(typeof m.newText).toBe('string');
      expect(m.id.length).toBeGreaterThan(0);
    } catch (error) {
      expect(error).toBeInstanceOf(FollowthruError);
      expect((error as FollowthruError).code).toBe('EPARSE');
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
