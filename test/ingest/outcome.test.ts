import { describe, expect, it } from 'vitest';
import { addOutcome, noOutcome } from '../../src/ingest/outcome.js';

describe('batch outcome', () => {
  it('starts at zero and adds every count', () => {
    const total = noOutcome();
    addOutcome(total, { messages: 2, duplicates: 1, skipped: 0, created: 3, updated: 1, commands: 0 });
    addOutcome(total, { messages: 1, duplicates: 0, skipped: 1, created: 0, updated: 0, commands: 2 });
    expect(total).toEqual({ messages: 3, duplicates: 1, skipped: 1, created: 3, updated: 1, commands: 2 });
  });

  it('gives a fresh outcome each time (a mail’s counts never leak into another’s)', () => {
    const a = noOutcome();
    a.messages++;
    expect(noOutcome().messages).toBe(0);
  });
});
