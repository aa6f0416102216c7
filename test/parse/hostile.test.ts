// Hostile MIME (../shared/fixtures/hostile-mime): every file parses or fails with EPARSE, within a time
// budget; nothing crashes, hangs or throws anything else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { parseMessage } from '../../src/parse/mailparser.js';
import { sharedDir } from '../support/shared.js';

/** Per mail, generous for a loaded CI machine; a hang would blow through it (and vitest's own timeout). */
const BUDGET_MS = 10_000;

const root = sharedDir('fixtures', 'hostile-mime');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .map((f) => join(root, f))
  .filter((f) => statSync(f).isFile() && !/LICENSE|UPSTREAM|README/i.test(f));
let parsed = 0;
let refused = 0;

describe('hostile MIME: parse or EPARSE, never a crash or a hang', () => {
  it('found the corpus', () => expect(files.length).toBeGreaterThan(100));

  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', async (_name, file) => {
    const started = performance.now();
    try {
      const m = await parseMessage({ origin: `file:${file}`, mailbox: 'INBOX', bytes: readFileSync(file) });
      expect(typeof m.newText).toBe('string');
      expect(m.id.length).toBeGreaterThan(0);
      expect(m.text).not.toContain('\u0000');
      parsed++;
    } catch (error) {
      expect(error).toBeInstanceOf(FollowthruError);
      expect((error as FollowthruError).code).toBe('EPARSE');
      refused++;
    }
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });

  it('tallies', () => {
    console.log(`hostile MIME: ${parsed} parsed, ${refused} refused with EPARSE, of ${files.length}`);
    expect(parsed + refused).toBe(files.length);
  });
});
