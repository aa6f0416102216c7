import { describe, expect, it } from 'vitest';
import { trackingConfirmation } from '../../src/ingest/tracking-confirmation.js';
import type { Message, TrackedItem } from '../../src/types.js';

const item = (spec: Partial<TrackedItem>): TrackedItem =>
  ({
    id: 12,
    rule: 'track-address',
    subject: 'Contract',
    counterparties: [{ name: 'Priya Shah', address: 'priya@harbor.example' }],
    due: null,
    ...spec,
  }) as TrackedItem;
const message = { messageId: 'sent-1@northwind.example' } as Message;

describe('trackingConfirmation', () => {
  it('confirms a mail sent to the track address, in reply to it', () => {
    const confirmation = trackingConfirmation(item({}), message);
    expect(confirmation?.subject).toBe('Tracking: Contract');
    expect(confirmation?.inReplyTo).toBe('sent-1@northwind.example');
    expect(confirmation?.text).toContain('waiting for a reply from Priya Shah to "Contract"');
    expect(confirmation?.text).toContain('after 3 business days');
    expect(confirmation?.text).toContain("followthru drop '#12'");
  });

  it('echoes the follow-up day a tag asked for', () => {
    const due = { date: '2026-12-04', at: null, text: 'fri' };
    expect(trackingConfirmation(item({ due }), message)?.text).toContain("You asked to follow up 'fri': 2026-12-04.");
  });

  it('names a counterparty without a name by address, and a mail without a subject as such', () => {
    const confirmation = trackingConfirmation(
      item({ subject: '', counterparties: [{ name: '', address: 'lee@x.example' }] }),
      message,
    );
    expect(confirmation?.subject).toBe('Tracking: (no subject)');
    expect(confirmation?.text).toContain('from lee@x.example');
  });

  it.each(['expects-reply', 'send-by-friday'])('confirms nothing for an item rule %s found', (rule) => {
    expect(trackingConfirmation(item({ rule }), message)).toBeNull();
  });
});
