import type { TrackedItem } from '../../src/types.js';

let next = 1;
/** A tracked item for Dana in Chicago; override what the case is about. */
export function item(spec: Partial<TrackedItem> = {}): TrackedItem {
  return {
    id: next++,
    account: 'default',
    kind: 'promise',
    status: 'open',
    text: "I'll send the quote Friday.",
    action: 'send the quote',
    due: null,
    counterparties: [{ name: 'Priya Shah', address: 'priya@harbor.example' }],
    messageId: `m${next}@x`,
    threadId: `t${next}`,
    subject: 'Quote',
    sentAt: '2026-11-10T15:00:00.000Z',
    rule: 'i-will',
    confidence: 0.9,
    evidence: null,
    snoozedUntil: null,
    nudges: 0,
    clockStartedAt: spec.sentAt ?? '2026-11-10T15:00:00.000Z',
    rejectedEvidence: [],
    updatedAt: '2026-11-10T15:00:00.000Z',
    ...spec,
  };
}
