import { describe, expect, it } from 'vitest';
import { digestMessageId, digestToken, mailMark, verifyDigestToken, verifyMailMark } from '../../src/digest/token.js';
import { type RouteContext, routeMessage } from '../../src/ingest/route.js';
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
