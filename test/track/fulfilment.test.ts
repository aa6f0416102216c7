import { describe, expect, it } from 'vitest';
import { findKeptEvidence } from '../../src/track/fulfilment.js';
import type { TrackedItem } from '../../src/types.js';
import { BOB, CAROL, item, ME, type MessageSpec, message } from './factory.js';

/** A later mail from the user to Bob, in another thread unless the spec says otherwise. */
function mine(spec: MessageSpec) {
  return message({ from: 'ann@example.com', to: [BOB], subject: 'Stuff', newText: 'Hi Bob', ...spec });
}
const SAME_THREAD = { inReplyTo: 'promise@test', references: ['promise@test'] };
const ANSWER = 'I checked with legal and the clause is fine as written, we can sign.';
function promise(action: string, spec: Partial<TrackedItem> = {}): TrackedItem {
  return item({ action, text: `I'll ${action}.`, ...spec });
}

describe('kept by an attachment named like the promised object (any thread)', () => {
  it.each([
    ['send the brochure', 'Brochure-2026.pdf'],
    ['send the revised contract', 'contract_v2_revised.docx'], // words in any order
    ['forward the slides', 'Q3-Slides.pptx'], // plural and case
    ['email the pricing', 'Price list.xlsx'], // light stemming
    ['get the numbers', 'numbers_q2.xlsx'],
    ['share the final budget file', 'Budget.xlsx'], // "final" and "file" carry no content
  ])('"%s" ← %s', (action, filename) => {
    const evidence = findKeptEvidence(promise(action), mine({ attachments: ['notes.txt', filename] }), ME);
    expect(evidence).toMatchObject({ attachment: filename, confidence: 0.95 });
  });

  it('names the matched words and the proving mail', () => {
    const later = mine({ id: 'proof@test', attachments: ['contract_v2_revised.docx'] });
    expect(findKeptEvidence(promise('send the revised contract'), later, ME)).toMatchObject({
      messageId: 'proof@test',
      words: ['revised', 'contract'],
      at: later.date?.toISOString(),
    });
  });
});

describe('kept by text that says it was delivered', () => {
  it.each([
    ['send the brochure', 'Here is the brochure we discussed.'],
    ['send the revised contract', 'As promised, the revised contract is below.'],
    ['forward the slides', "I've attached the slides from Tuesday."],
  ])('"%s" ← %j', (action, newText) => {
    expect(findKeptEvidence(promise(action), mine({ newText }), ME)).toMatchObject({
      attachment: null,
      confidence: 0.7,
    });
  });
});

describe('kept in the same thread', () => {
  it.each<[string, MessageSpec, number]>([
    ['get back to you', { ...SAME_THREAD, newText: ANSWER }, 0.6],
    ['check and revert', { ...SAME_THREAD, newText: ANSWER }, 0.6],
    ['let you know', { newText: ANSWER }, 0.6], // thread known from the caller's threadId
    ['send it over', { ...SAME_THREAD, attachments: ['scan0001.pdf'] }, 0.5], // no object to match by name
  ])('"%s" ← %j', (action, spec, confidence) => {
    const threadId = spec.inReplyTo ? undefined : 'promise@test';
    expect(findKeptEvidence(promise(action), mine(spec), ME, { threadId })).toMatchObject({ confidence });
  });

  it('accepts the user writing from an alias, to the counterparty in Cc', () => {
    const later = mine({
      from: 'ann.lee@work.example',
      to: [CAROL],
      cc: [BOB],
      attachments: ['brochure.pdf'],
    });
    expect(findKeptEvidence(promise('send the brochure'), later, ME)).not.toBeNull();
  });
});

describe('not kept: the mail is about something else', () => {
  it.each([
    ['send the brochure', 'Invoice-4411.pdf'], // unrelated
    ['send the brochure', 'document.pdf'], // generic
    ['send the revised contract', 'nda_revised.docx'], // the head noun differs
    ['send the Q3 report', 'Q2_report.pdf'], // another quarter's
  ])('"%s" ✗ %s', (action, filename) => {
    expect(findKeptEvidence(promise(action), mine({ attachments: [filename] }), ME)).toBeNull();
  });

  it.each([
    ['send the brochure', 'The brochure is still at the printer.'], // named, not delivered
    ['send the brochure', 'Here is the invoice; the brochure comes next week.'], // delivered something else
    ['get back to you', 'Thanks, will do!'], // an acknowledgement, not an answer
  ])('"%s" ✗ %j', (action, newText) => {
    expect(findKeptEvidence(promise(action), mine({ ...SAME_THREAD, newText }), ME)).toBeNull();
  });
});

describe('not kept: this mail cannot be evidence', () => {
  const brochure = { attachments: ['brochure.pdf'] };
  it.each<[string, MessageSpec]>([
    ['it comes from the counterparty', { ...brochure, from: BOB, to: ['ann@example.com'] }],
    ['it goes to someone else', { ...brochure, to: [CAROL] }],
    ['it is older than the promise', { ...brochure, date: '2026-05-10T09:00:00Z' }],
    ['the user rejected it before', { ...brochure, id: 'rejected@test' }],
    ['"get back to you" answered in another thread', { newText: ANSWER }],
  ])('%s', (_name, spec) => {
    const open = promise(spec.newText ? 'get back to you' : 'send the brochure', {
      rejectedEvidence: ['rejected@test'],
    });
    expect(findKeptEvidence(open, mine(spec), ME)).toBeNull();
  });

  it.each([
    ['send it over', { attachments: ['scan0001.pdf'] }], // nameless delivery outside the thread
    ['call you Monday', { ...SAME_THREAD, newText: ANSWER }], // calls are never auto-kept
    ['set up a meeting', { ...SAME_THREAD, newText: ANSWER, attachments: ['invite.ics'] }],
    ['review the draft', { ...SAME_THREAD, newText: ANSWER }], // neither a delivery nor an answer
  ])('"%s" is not kept by %j', (action, spec) => {
    expect(findKeptEvidence(promise(action), mine(spec), ME)).toBeNull();
  });

  it("never keeps an item that is not the user's promise", () => {
    const waiting = item({ kind: 'awaiting-reply', action: 'reply' });
    expect(findKeptEvidence(waiting, mine({ ...SAME_THREAD, newText: ANSWER }), ME)).toBeNull();
  });
});
