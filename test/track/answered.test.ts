import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../src/track/answered.js';
import type { ItemKind } from '../../src/types.js';
import { BOB, CAROL, item, ME, type MessageSpec, message, NOW } from './factory.js';

const THREAD = 'ask@test';
/** The user asked Bob something on Monday 2026-05-11 and waits. */
function waiting(kind: ItemKind = 'awaiting-reply', rejectedEvidence: string[] = []) {
  return item({ kind, messageId: THREAD, threadId: THREAD, action: 'reply', rejectedEvidence });
}
const OOO = { 'auto-submitted': 'auto-replied' };

describe('answered by a reply in the thread', () => {
  it.each<[ItemKind, MessageSpec]>([
    ['awaiting-reply', { from: BOB }],
    ['awaiting-reply', { from: 'Bob <BOB@Client.example>' }], // case does not matter
    ['awaiting-reply', { from: 'bob+work@client.example' }], // nor Bob's plus-addressing
    ['their-promise', { from: BOB }], // Bob writing again settles what he promised, or starts the talk
    ['asked-of-you', { from: 'ann@example.com', to: [BOB] }], // the user replied to Bob's question
    ['asked-of-you', { from: 'ann.lee@work.example', to: [BOB] }], // from an alias
  ])('%s ← %j', (kind, spec) => {
    const reply = message({ id: 'reply@test', ...spec });
    expect(findAnswer(waiting(kind), reply, THREAD, ME, NOW)).toMatchObject({ messageId: 'reply@test' });
  });
});

describe('not answered', () => {
  it.each<[string, MessageSpec]>([
    ["Bob's out-of-office (header)", { from: BOB, headers: OOO }],
    ["Bob's out-of-office (subject only)", { from: BOB, subject: 'Automatic reply: Contract' }],
    ["a bounce of the user's mail", { from: 'MAILER-DAEMON@mx.client.example', subject: 'Undeliverable: x' }],
    ["the user's own follow-up", { from: 'ann@example.com', to: [BOB] }],
    ["the user's follow-up from an alias", { from: 'ann.lee@work.example', to: [BOB] }],
    ["the user's follow-up, plus-addressed", { from: 'ann+sent@example.com', to: [BOB] }],
    ['someone who was not asked', { from: CAROL }],
    ['a mail older than the question', { from: BOB, date: '2026-05-10T09:00:00Z' }],
    ['a reply the user already rejected', { from: BOB, id: 'rejected@test' }],
  ])('%s', (_name, spec) => {
    const reply = message(spec);
    expect(findAnswer(waiting('awaiting-reply', ['rejected@test']), reply, THREAD, ME, NOW)).toBeNull();
  });

  it('by a reply from Bob in another thread', () => {
    expect(findAnswer(waiting(), message({ from: BOB }), 'other@test', ME, NOW)).toBeNull();
  });

  it("by Bob's own follow-up to the question he asked the user", () => {
    expect(findAnswer(waiting('asked-of-you'), message({ from: BOB }), THREAD, ME, NOW)).toBeNull();
  });

  it('a promise of the user, which only evidence keeps', () => {
    expect(findAnswer(waiting('promise'), message({ from: BOB }), THREAD, ME, NOW)).toBeNull();
  });
});
