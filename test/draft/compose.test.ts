// The follow-up draft for one item, as a pure function of the item and its stored thread.
import { describe, expect, it } from 'vitest';
import { composeDraft } from '../../src/draft/compose.js';
import type { StoredMessage } from '../../src/store/messages.js';
import { addr, BOB, CAROL, item, ME, ZONE } from '../track/factory.js';

function stored(spec: Partial<StoredMessage> & { id: string }): StoredMessage {
  return {
    messageId: spec.id,
    threadId: 'promise@test',
    folder: 'Sent',
    direction: 'sent',
    from: [addr(`Ann <${ME[0]}>`)],
    to: [addr(`Bob Stone <${BOB}>`)],
    cc: [],
    subject: 'Brochure',
    sentAt: '2026-05-11T14:00:00.000Z',
    inReplyTo: null,
    references: [],
    attachments: [],
    seenAt: '2026-05-11T14:00:00.000Z',
    ...spec,
  };
}

const context = { me: ME, timeZone: ZONE };

describe('composeDraft', () => {
  const first = stored({ id: 'promise@test' });
  const answer = stored({
    id: 'reply@client.example',
    direction: 'received',
    from: [addr(`Bob Stone <${BOB}>`)],
    to: [addr(`Ann <${ME[1]}>`)],
    cc: [addr(`Carol <${CAROL}>`)],
    subject: 'RE: Brochure',
    sentAt: '2026-05-12T09:00:00.000Z',
    inReplyTo: 'promise@test',
    references: ['promise@test'],
  });

  it('answers the latest mail of the thread: In-Reply-To it, References the whole chain', () => {
    const draft = composeDraft(item({ counterparties: [addr(`Bob Stone <${BOB}>`)] }), [answer, first], context);
    expect(draft.inReplyTo).toBe('reply@client.example');
    expect(draft.references).toEqual(['promise@test', 'reply@client.example']);
    expect(draft.subject).toBe('RE: Brochure');
  });

  it('is to the other side of the item, Cc the rest of the thread, never to the user', () => {
    const draft = composeDraft(
      item({ counterparties: [addr(`Bob Stone <${BOB}>`), addr(ME[1] ?? '')] }),
      [first, answer],
      context,
    );
    expect(draft.from).toBe(ME[0]);
    expect(draft.to).toEqual([`Bob Stone <${BOB}>`]);
    expect(draft.cc).toEqual([`Carol <${CAROL}>`]);
  });

  it("recalls what was promised, when, and the due date, in the user's words", () => {
    const due = { date: '2026-05-15', at: null, text: 'by Friday' };
    const draft = composeDraft(item({ text: "I'll send you the brochure by Friday.", due }), [first], context);
    expect(draft.text).toMatch(
      /^Hi Bob,\n\nOn Mon 11 May I wrote: "I'll send you the brochure by Friday\." \(I said "by Friday": Fri 15 May\)\./,
    );
    expect(draft.subject).toBe('Re: Brochure');
  });

  it.each([
    ['asked-of-you', 'Could you review the draft?', /On Mon 11 May you asked: "Could you review the draft\?"/],
    ['awaiting-reply', 'Brochure', /I wrote to you on Mon 11 May about "Brochure" and have not heard back yet/],
    ['their-promise', "I'll send the signed copy.", /On Mon 11 May you mentioned you'd send the signed copy/],
  ] as const)('a %s item says what was asked or promised, and when', (kind, text, expected) => {
    const draft = composeDraft(
      item({ kind, text, action: kind === 'their-promise' ? 'send the signed copy' : 'x' }),
      [first],
      context,
    );
    expect(draft.text).toMatch(expected);
  });

  it("threads on the item's own mail when the thread is not stored, and addresses nobody when it names only the user", () => {
    const draft = composeDraft(item({ counterparties: [addr(ME[0] ?? '')] }), [], context);
    expect(draft.to).toEqual([]);
    expect(draft.inReplyTo).toBeNull();
    expect(draft.references).toEqual([]);
    expect(draft.subject).toBe('Re: Brochure');
  });
});
