// Dev gold (../shared/eval): stripping must keep every labeled promise and let nothing quoted through. The
// labels were written on the sender's own new text only (GUIDELINE.md), so a labeled sentence missing from
// newText is a wrong cut, and a quote marker left in newText is a leak.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/parse/mailparser.js';
import { sharedDir } from '../support/shared.js';

interface Gold {
  file?: string;
  email_id?: string;
  items: { text: string; strength: string }[];
}
const readJsonl = (file: string): Gold[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** A few labels were copied from the raw quoted-printable body ("befor= e=20 I"): read them decoded. */
const unQp = (s: string) => s.replace(/=\s+/g, '').replace(/=20/g, ' ');

async function mail(file: string): Promise<{ raw: string; newText: string }> {
  const bytes = readFileSync(file);
  const m = await parseMessage({ origin: `file:${file}`, mailbox: 'Sent', bytes });
  return { raw: bytes.toString('latin1'), newText: m.newText };
}

// Lines only an earlier mail, a forward or a header block would put in the text.
const QUOTE_MARKERS = [
  /^\s*>/,
  /-{3,}\s*(original message|forwarded by|forwarded message)/i,
  /^\s*(from|sent|to|cc|subject)\s*:/i,
  /\bon \d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}/i,
  /\bwrote:\s*$/i,
];
/** First-person future sentences gold did not label: the sender's own non-promises, or a leaked quote. */
const WILL = /\b(i|we)('ll| will| shall|'m going to| am going to)\b/i;

describe('dev gold (../shared/eval/dev): reply stripping keeps the promises, leaks no quotes', () => {
  const dir = sharedDir('eval', 'dev');
  const gold = readJsonl(join(dir, 'gold.jsonl'));

  it('keeps every labeled promise and leaves no quote marker', async () => {
    const misses: string[] = [];
    const leaks: string[] = [];
    let items = 0;
    let unlabeledWill = 0;
    for (const g of gold) {
      const { raw, newText } = await mail(join(dir, g.file ?? ''));
      const hay = squash(newText);
      const qp = /content-transfer-encoding:\s*quoted-printable/i.test(raw);
      for (const item of g.items) {
        items++;
        if (!hay.includes(squash(qp ? unQp(item.text) : item.text))) misses.push(`${g.file}: ${item.text}`);
      }
      const leaked = newText.split('\n').filter((l) => QUOTE_MARKERS.some((re) => re.test(l)));
      if (leaked.length) leaks.push(`${g.file}: ${leaked.join(' | ')}`);
      const labeled = g.items.map((i) => squash(i.text));
      unlabeledWill += newText
        .replace(/\s+/g, ' ')
        .split(/(?<=[.!?])\s+/)
        .filter((s) => WILL.test(s) && !labeled.some((l) => l.includes(squash(s).slice(0, 30)))).length;
    }
    console.log(
      `dev gold: ${items - misses.length}/${items} labeled promises kept; ${leaks.length}/${gold.length} mails leak a quote marker; ` +
        `${unlabeledWill} unlabeled I/we-will sentences in new text\n${[...misses, ...leaks].join('\n')}`,
    );
    expect(misses).toEqual([]);
    expect(leaks).toEqual([]);
    // Reviewed by hand at 26: one is a forwarded paragraph with no header (hain-m___sent_mail__168), the rest
    // are the senders' own whereabouts and statements. A jump means quoted text is getting through.
    expect(unlabeledWill).toBeLessThanOrEqual(30);
  });

  it('keeps every firm and borderline promise of lin-dev', async () => {
    const linDir = sharedDir('eval', 'lin-dev');
    const misses: string[] = [];
    let items = 0;
    for (const g of readJsonl(sharedDir('eval', 'lin-dev-labels.jsonl'))) {
      const promises = g.items.filter((i) => i.strength === 'firm' || i.strength === 'borderline');
      if (promises.length === 0) continue;
      const file = join(linDir, `lin-${String(g.email_id).padStart(4, '0')}.eml`);
      const hay = squash((await mail(file)).newText);
      for (const item of promises) {
        items++;
        if (!hay.includes(squash(item.text))) misses.push(`${file}: ${item.text}`);
      }
    }
    console.log(`lin-dev: ${items - misses.length}/${items} labeled promises kept\n${misses.join('\n')}`);
    expect(misses).toEqual([]);
  });
});
