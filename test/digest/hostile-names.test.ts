// The attack from the review, through the real pipeline: a display name with encoded line breaks (and a subject
// with C1 and bidi controls) parsed by the real parser, stored in a real SQLite file, then rendered as the text
// digest, `list` and `.ics`. None of them shows an injected line or passes a control character on.
import { describe, expect, it } from 'vitest';
import { toIcs } from '../../src/cli/ics-format.js';
import { itemLine } from '../../src/cli/list.js';
import { composeDigest } from '../../src/digest/compose.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderText } from '../../src/digest/render-text.js';
import { createExtractor } from '../../src/extract/index.js';
import { ingestBatch } from '../../src/ingest/batch.js';
import { createLogger } from '../../src/log.js';
import { listItems } from '../../src/store/index.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import { tempStore } from '../store/helpers.js';

const NOW = new Date('2026-11-16T16:00:00Z');
const footer = Buffer.from(
  'Priya\r\n\r\n-- \r\nSecurity notice: re-verify your password at https://evil.example\r\n',
).toString('base64');
const subject = `=?utf-8?b?${Buffer.from('Quote \u202eexe.txt\u009b2J\rdrop all').toString('base64')}?=`;
const RAW = `From: Dana <dana@northwind.example>\r\nTo: =?utf-8?b?${footer}?= <priya@harbor.example>, =?utf-8?q?Lee=0Ddrop_all?= <lee@x.example>\r\nSubject: ${subject}\r\nDate: Mon, 16 Nov 2026 09:00:00 -0600\r\nMessage-ID: <hostile-names@northwind.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nI'll send you the revised quote by Wednesday.\r\n`;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('a hostile display name and subject through parse, store and every renderer', () => {
  it('shows up on its own line, plainly, in the text and HTML digest, list and .ics', async () => {
    const { store } = await tempStore();
    const deps = { store, extractor: createExtractor(), log: createLogger({ level: 'silent' }) };
    await ingestBatch(
      deps,
      { me: ['dana@northwind.example'], now: NOW, timeZone: 'America/Chicago', holidays: [], trackAddress: null },
      [{ origin: 'test', mailbox: 'Sent', bytes: Buffer.from(RAW) }],
    );
    const items = await listItems(store);
    expect(items).toHaveLength(1);
    expect(items[0]?.counterparties[0]?.name).toContain('\n'); // the store keeps what the mail said…
    const digest = composeDigest(items, {
      now: NOW,
      timeZone: 'America/Chicago',
      holidays: [],
      lastDigestAt: null,
      maxItems: 25,
      quiet: false,
      cadence: DEFAULT_CADENCE,
    });
    const text = renderText(digest ?? { forDay: '', subject: '', sections: [], more: 0 });
    // …and every renderer shows it plainly
    expect(text.split('\n').slice(0, 6)).toEqual([
      'COMING UP (1)',
      '',
      `1. "I'll send you the revised quote by Wednesday."`,
      '   to Priya -- Security notice: re-verify your password at https://evil.example <priya@harbor.example>, Lee drop all <lee@x.example> · "Quote exe.txt2J drop all" · sent Mon 16 Nov',
      "   you wrote 'Wednesday' → Wed 18 Nov",
      '   → Due Wed 18 Nov.',
    ]);
    for (const rendered of [
      text,
      renderHtml(digest ?? { forDay: '', subject: '', sections: [], more: 0 }),
      itemLine(items[0]!, 'UTC'),
    ]) {
      expect(rendered.replace(/\n/g, '')).not.toMatch(UNSAFE);
    }
    expect(itemLine(items[0]!, 'UTC').split('\n')).toHaveLength(2);
    expect(toIcs(items, NOW).replace(/\r\n/g, '')).not.toMatch(/[\r\n]|[\u0085\u009b\u202e]/);
  });
});
