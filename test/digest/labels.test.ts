import { describe, expect, it } from 'vitest';
import { labelAccounts } from '../../src/digest/deliver.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderText } from '../../src/digest/render-text.js';
import type { Digest, DigestLine } from '../../src/types.js';
import { item } from './factory.js';

const line = (itemId: number, number: number): DigestLine => ({
  number,
  itemId,
  section: 'due-today',
  quote: "I'll send it.",
  who: 'Ann <ann@x.example>',
  subject: 'S',
  sent: 'Mon 16 Nov',
  due: null,
  next: 'send it',
  suggestion: null,
  evidence: null,
});
const digest: Digest = {
  forDay: '2026-11-16',
  subject: 'd',
  more: 0,
  sections: [{ section: 'due-today', title: 'Due today', lines: [line(10, 1), line(11, 2)] }],
};

describe('account labels in a digest of several accounts', () => {
  it("labels each line with its item's account, in text and HTML", () => {
    const labelled = labelAccounts(digest, [item({ id: 10, account: 'work' }), item({ id: 11, account: 'home' })]);
    expect(labelled.sections[0]?.lines.map((l) => l.account)).toEqual(['work', 'home']);
    expect(renderText(labelled)).toContain('1. [work] "I\'ll send it."');
    expect(renderText(labelled)).toContain('2. [home] "I\'ll send it."');
    expect(renderHtml(labelled)).toContain('[home]</span>');
  });

  it('a received line keeps its label and reads "from X · received" (both renderers)', () => {
    const received: Digest = {
      ...digest,
      sections: [{ section: 'due-today', title: 'Due today', lines: [{ ...line(10, 1), received: true }] }],
    };
    const labelled = labelAccounts(received, [item({ id: 10, account: 'work' })]);
    expect(renderText(labelled)).toContain(
      '1. [work] "I\'ll send it."\n   from Ann <ann@x.example> · "S" · received Mon 16 Nov',
    );
    const html = renderHtml(labelled);
    expect(html).toContain('[work]</span>');
    expect(html).toContain('from Ann &lt;ann@x.example&gt; · “S” · received Mon 16 Nov');
  });

  it('renders no label on a line without an account (one account: unchanged)', () => {
    expect(renderText(digest)).toContain('1. "I\'ll send it."');
    expect(renderHtml(digest)).not.toContain('[');
  });
});
