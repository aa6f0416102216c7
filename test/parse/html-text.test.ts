import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/parse/html-text.js';

describe('htmlToText (the fallback when mailparser gives no text)', () => {
  it.each([
    ['paragraphs', '<p>Hi Lee,</p><p>I will send it.</p>', 'Hi Lee,\n\nI will send it.'],
    ['line breaks', 'one<br>two<br/>three', 'one\ntwo\nthree'],
    ['entities', '<p>A &amp; B &lt;ok&gt; &#39;x&#39; &#x41;&nbsp;&bogus;</p>', "A & B <ok> 'x' A &bogus;"],
    [
      'script, style and head dropped',
      '<head><title>T</title><style>p{}</style></head><script>var a="<p>";</script><p>Body</p>',
      'Body',
    ],
    ['comments dropped', 'a<!-- <p>hidden</p> -->b', 'ab'],
    ['source whitespace collapsed', '<p>I will\n   send   it.</p>', 'I will send it.'],
    ['pre keeps its lines', '<pre>a\n  b</pre>', 'a\nb'],
    ['list items', '<ul><li>one</li><li>two</li></ul>', '• one\n• two'],
    [
      'blockquote becomes > lines',
      '<p>Yes.</p><blockquote><p>Can you call?</p><blockquote>deeper</blockquote></blockquote>',
      'Yes.\n\n> Can you call?\n>\n> > deeper',
    ],
    ['a lone < in text', '<p>a < b and c</p>', 'a < b and c'],
    ['a lone < at the end', '<p>x</p>a < b', 'x\n\na < b'],
  ])('%s', (_name, html, text) => expect(htmlToText(html)).toBe(text));

  it.each([
    ['an unclosed comment', `<p>Hi</p><!--${'x'.repeat(500_000)}`],
    ['thousands of unclosed scripts', `<p>Hi</p>${'<script>'.repeat(100_000)}`],
    ['thousands of unclosed blockquotes', `<p>Hi</p>${'<blockquote>a'.repeat(100_000)}`],
    ['an unterminated tag', `<p>Hi</p><div ${'a'.repeat(500_000)}`],
  ])('stays linear on %s', (_name, html) => {
    const started = performance.now();
    expect(htmlToText(html).startsWith('Hi')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
