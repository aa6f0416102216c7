import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../src/ingest/route.js';
import type { Message } from '../../src/types.js';

const ME = ['dana@northwind.example'];
const dana = { name: 'Dana', address: 'dana@northwind.example' };
const priya = { name: 'Priya', address: 'priya@harbor.example' };

function mail(spec: Partial<Message>): Message {
  return {
    id: 'm1', messageId: 'm1', inReplyTo: null, references: [], from: [dana], to: [priya], cc: [], bcc: [],
    replyTo: [], subject: 'Quote', date: null, tzOffsetMinutes: 0, headers: {}, text: '', newText: '',
    attachments: [], size: 0, ...spec,
  };
}

describe('routeMessage', () => {
  it.each([
    ['our own digest coming back', mail({ headers: { 'x-followthru-digest': 'abc' } }), 'own-digest'],
    ['a reply to a digest', mail({ inReplyTo: 'followthru.abc123@northwind.example' }), 'digest-reply'],
    ['a reply quoting a digest in References', mail({ references: ['x@y', 'followthru.ab1@n.example'] }), 'digest-reply'],
    ['mail the user sent', mail({}), 'outgoing'],
    ['mail from someone else', mail({ from: [priya], to: [dana] }), 'inbound'],
  ])('%s → %s', (_name, message, route) => {
    expect(routeMessage(message, ME)).toBe(route);
  });

  it.each([
    ['a Message-ID that only contains the word', mail({ inReplyTo: 'abc.followthru.x@y' })],
    ['a digest-like subject', mail({ subject: 'followthru: 2 open promises' })],
  ])('not a digest reply: %s', (_name, message) => {
    expect(routeMessage(message, ME)).toBe('outgoing');
  });
});
