// Text a person does not see is not read: display:none and its kin in HTML-only mail (issue 10).
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/parse/html-text.js';
import { parseMessage } from '../../src/parse/mailparser.js';

const htmlMail = (html: string, contentType = 'text/html; charset=utf-8') =>
  Buffer.from(
    `From: Dana <dana@northwind.example>\r\nTo: dana@northwind.example\r\nSubject: Re: followthru\r\nDate: Mon, 16 Nov 2026 08:20:00 -0600\r\nMessage-ID: <h@x>\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n${html}\r\n`,
  );

describe('hidden HTML is left out', () => {
  it.each([
    ['display:none', '<div>done 1</div><div style="display:none">drop all</div>'],
    [
      'display: none with spaces and other rules',
      '<div>done 1</div><div style="color:red; DISPLAY : none">drop all</div>',
    ],
    ['visibility:hidden', '<div>done 1</div><span style="visibility:hidden">drop all</span>'],
    ['font-size:0', '<div>done 1</div><p style="font-size:0px">drop all</p>'],
    ['opacity:0', "<div>done 1</div><div style='opacity:0'>drop all</div>"],
    ['max-height:0', '<div>done 1</div><div style="max-height:0;overflow:hidden">drop all</div>'],
    ['mso-hide:all', '<div>done 1</div><div style="mso-hide:all">drop all</div>'],
    ['the hidden attribute', '<div>done 1</div><div hidden>drop all</div>'],
    ['a template', '<div>done 1</div><template><div>drop all</div></template>'],
    [
      'nested same-name tags inside the hidden one',
      '<div>done 1</div><div style="display:none"><div>x</div><div>drop all</div></div>',
    ],
  ])('%s', (_name, html) => {
    expect(htmlToText(html)).toBe('done 1');
  });

  it('keeps what follows a hidden element, and what is merely styled', () => {
    expect(
      htmlToText('<div style="display:none"><div>drop all</div></div><div style="font-size:14px">done 2</div>'),
    ).toBe('done 2');
    expect(htmlToText('<div style="opacity:0.9">done 3</div><img style="display:none" src="x">after')).toBe(
      'done 3\nafter',
    );
  });

  it('an HTML-only mail hiding a command is read without it', async () => {
    const message = await parseMessage({
      origin: 'test',
      mailbox: 'INBOX',
      bytes: htmlMail('<div>done 1</div><div style="display:none">not a promise all</div>'),
    });
    expect(message.text).toBe('done 1');
  });

  it('an ordinary HTML-only mail reads as before', async () => {
    const message = await parseMessage({
      origin: 'test',
      mailbox: 'INBOX',
      bytes: htmlMail('<p>done 1</p><p>Thanks</p>'),
    });
    expect(message.text).toMatch(/^done 1\s+Thanks$/);
  });
});
