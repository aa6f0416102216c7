// A one-sentence "mail" for extraction tests: sent Thu 2001-05-10 10:00 at -07:00 unless told otherwise.
import type { Message } from '../../src/types.js';

export function mailWith(newText: string, date = '2001-05-10T10:00:00-07:00', tzOffsetMinutes = -420): Message {
  return {
    id: 'test@example.com',
    messageId: 'test@example.com',
    inReplyTo: null,
    references: [],
    from: [{ name: 'Me', address: 'me@example.com' }],
    to: [{ name: 'Bob', address: 'bob@example.com' }],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: 'test',
    date: new Date(date),
    tzOffsetMinutes,
    headers: {},
    text: newText,
    newText,
    attachments: [],
    size: newText.length,
  };
}
