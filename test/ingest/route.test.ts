import { describe, expect, it } from 'vitest';
import { digestMessageId, digestToken, mailMark, verifyDigestToken, verifyMailMark } from '../../src/digest/token.js';
import { handlingOf, type RouteContext, routeMessage, routingFor, storedThreadOf } from '../../src/ingest/route.js';
import type { Message } from '../../src/types.js';

const ME = ['dana@northwind.example'];
const SECRET = 'route-test-secret';
const dana = { name: 'Dana', address: 'dana@northwind.example' };
const priya = { name: 'Priya', address: 'priya@harbor.example' };
const TOKEN = digestToken(SECRET, 7);
const DIGEST_ID = digestMessageId(TOKEN, 'northwind.example');
const FORGED_ID = digestMessageId(digestToken('another-secret', 7), 'northwind.example');

function mail(spec: Partial<Message>): Message {
  return {
    id: 'm1',
    messageId: 'm1',
    inReplyTo: null,
    references: [],
    from: [dana],
    to: [priya],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: 'Quote',
    date: null,
    tzOffsetMinutes: 0,
    headers: {},
    text: '',
    newText: '',
    attachments: [],
    size: 0,
    ...spec,
  };
}

const ctx = (mailbox = 'Sent', sentFolder: string | null = 'Sent'): RouteContext => ({
  me: ME,
  mailbox,
  sentFolder,
  isOurToken: (token) => verifyDigestToken(SECRET, token) !== null,
  isOurMark: (mark, messageId) => verifyMailMark(SECRET, mark, messageId),
});

describe('routeMessage', () => {
  it.each([
    [
      'our own digest coming back',
      mail({ messageId: DIGEST_ID, headers: { 'x-followthru-digest': TOKEN } }),
      ctx('INBOX'),
      'own-digest',
    ],
    [
      'our confirmation coming back',
      mail({ messageId: 'c1@n', headers: { 'x-followthru-digest': mailMark(SECRET, 'c1@n') } }),
      ctx(),
      'own-digest',
    ],
    ['a reply to a digest', mail({ inReplyTo: DIGEST_ID }), ctx('INBOX'), 'digest-reply'],
    ['a reply quoting a digest in References', mail({ references: ['x@y', DIGEST_ID] }), ctx(), 'digest-reply'],
    ['mail the user sent, in Sent', mail({}), ctx(), 'outgoing'],
    ['mail from the user in local files (no Sent folder known)', mail({}), ctx('INBOX', null), 'outgoing'],
    ['mail from someone else', mail({ from: [priya], to: [dana] }), ctx('INBOX'), 'inbound'],
  ])('%s → %s', (_name, message, context, route) => {
    expect(routeMessage(message, context)).toBe(route);
  });

  it.each([
    [
      'a bare X-Followthru-Digest header',
      mail({ from: [priya], to: [dana], headers: { 'x-followthru-digest': 'abc' } }),
      'inbound',
    ],
    [
      'a copied confirmation mark on another Message-ID',
      mail({
        from: [priya],
        to: [dana],
        messageId: 'x@evil',
        headers: { 'x-followthru-digest': mailMark(SECRET, 'c1@n') },
      }),
      'inbound',
    ],
    [
      'a followthru.* id in References with a forged token',
      mail({ from: [priya], to: [dana], references: [FORGED_ID] }),
      'inbound',
    ],
    [
      'a followthru.* id that is no token at all',
      mail({ from: [priya], to: [dana], inReplyTo: 'followthru.abc123@northwind.example' }),
      'inbound',
    ],
  ])('a stranger is still tracked: %s', (_name, message, route) => {
    expect(routeMessage(message, ctx('INBOX'))).toBe(route);
  });

  it('a forged From: the user in INBOX is not read as mail the user sent', () => {
    expect(routeMessage(mail({}), ctx('INBOX'))).toBe('not-sent');
  });

  it.each([
    ['a Message-ID that only contains the word', mail({ inReplyTo: 'abc.followthru.x@y' })],
    ['a digest-like subject', mail({ subject: 'followthru: 2 open promises' })],
  ])('not a digest reply: %s', (_name, message) => {
    expect(routeMessage(message, ctx())).toBe('outgoing');
  });
});

describe('handlingOf: one decision for the batch loop and the pool look-ahead', () => {
  const NOW = new Date('2026-11-16T16:00:00Z');
  const SENT = new Date('2026-07-01T12:00:00Z');

  it.each([
    ['our own digest: stored, nothing obeyed', mail({ headers: { 'x-followthru-digest': TOKEN } }), 'INBOX', 'store'],
    ['a reply to a digest: stored, its commands obeyed', mail({ inReplyTo: DIGEST_ID }), 'INBOX', 'store'],
    ['a forged From outside Sent: ignored', mail({}), 'INBOX', 'ignore'],
    ['mail the user sent: tracked', mail({}), 'Sent', 'track'],
    ['mail from someone else: tracked', mail({ from: [priya], to: [dana] }), 'INBOX', 'track'],
  ])('%s', (_name, message, mailbox, kind) => {
    expect(handlingOf(message, ctx(mailbox), 'America/Chicago', NOW).kind).toBe(kind);
  });

  it('obeys only a reply to a digest, never the digest itself', () => {
    expect(handlingOf(mail({ inReplyTo: DIGEST_ID }), ctx('INBOX'), 'UTC', NOW)).toEqual({ kind: 'store', obey: true });
    const digest = mail({ headers: { 'x-followthru-digest': TOKEN } });
    expect(handlingOf(digest, ctx('INBOX'), 'UTC', NOW)).toEqual({ kind: 'store', obey: false });
  });

  it("reads the user's own mail in the user's zone, DST included", () => {
    const handling = handlingOf(mail({ date: SENT, tzOffsetMinutes: 120 }), ctx(), 'America/Chicago', NOW);
    expect(handling).toMatchObject({ kind: 'track', direction: 'sent', input: { tzOffsetMinutes: -300, date: SENT } });
  });

  it("reads others' mail in the sender's own offset", () => {
    const message = mail({ from: [priya], to: [dana], date: SENT, tzOffsetMinutes: 120 });
    const handling = handlingOf(message, ctx('INBOX'), 'America/Chicago', NOW);
    expect(handling).toMatchObject({ kind: 'track', direction: 'received', input: { tzOffsetMinutes: 120 } });
  });

  it('dates a mail without a Date from now, not from 1970', () => {
    const handling = handlingOf(mail({ date: null }), ctx(), 'UTC', NOW);
    expect(handling.kind === 'track' && handling.input.date).toEqual(NOW);
  });
});

describe('routingFor and storedThreadOf', () => {
  it('knows the tokens and marks of its own secret only', () => {
    const routing = routingFor(ME, 'Sent', SECRET);
    expect(routing.isOurToken(TOKEN)).toBe(true);
    expect(routing.isOurToken(digestToken('another-secret', 7))).toBe(false);
    expect(routing.isOurMark(mailMark(SECRET, 'c1@n'), 'c1@n')).toBe(true);
    expect(routing.isOurMark(mailMark(SECRET, 'c1@n'), 'x@evil')).toBe(false);
  });

  it('stores a digest reply in the thread of the mail it answers, else in a thread of its own', () => {
    const known = new Map([[DIGEST_ID, 'thread-of-digest']]);
    expect(storedThreadOf(mail({ id: 'r1', inReplyTo: DIGEST_ID }), known)).toBe('thread-of-digest');
    expect(storedThreadOf(mail({ id: 'r1', inReplyTo: 'unknown@x' }), known)).toBe('r1');
    expect(storedThreadOf(mail({ id: 'r1' }), known)).toBe('r1');
  });
});
