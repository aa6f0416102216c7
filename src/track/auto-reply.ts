// Machine-sent mail: auto-replies and bounces never answer a thread, bulk mail never asks anything of the user.
import type { Message } from '../types.js';
import { type Day, localDay } from '../calendar/index.js';
import { parseReturnDate } from './return-date.js';

const AUTO_PRECEDENCE = /^(?:auto_reply|bulk|junk|list)$/;
const BULK_PRECEDENCE = /^(?:bulk|list|junk)$/;
/** Subject openings of vacation replies and delivery reports, after an optional "[tag]". */
const AUTO_SUBJECT = new RegExp(
  [
    'out of (?:the )?office',
    'automatic reply',
    'auto(?:matic)?[- ]?(?:reply|response)',
    'autoreply',
    'abwesenheitsnotiz',
    'r[ée]ponse automatique',
    'respuesta autom[áa]tica',
    'automatisch antwoord',
    'undeliverable',
    'undelivered mail',
    'delivery status notification',
    'delivery (?:has )?fail',
    'mail delivery fail',
    'returned mail',
    'failure notice',
  ]
    .map((opening) => `^(?:\\[[^\\]]*\\]\\s*)?${opening}`)
    .join('|'),
  'i',
);
const DAEMON_SENDER = /^(?:mailer-daemon|postmaster)@/i;
const DAEMON_NAME = /^mail delivery (?:subsystem|system)$/i;
const NO_REPLY_SENDER = /^(?:no-?reply|do-?not-?reply|donotreply|notifications?)(?:[+._-][^@]*)?@/i;

function header(message: Message, name: string): string {
  return (message.headers[name] ?? '').trim().toLowerCase();
}

/** An out-of-office, vacation responder, or delivery failure report. */
export function isAutoReply(message: Message): boolean {
  const autoSubmitted = header(message, 'auto-submitted');
  if (autoSubmitted !== '' && !/^no\b/.test(autoSubmitted)) return true;
  if (header(message, 'x-autoreply') !== '' || header(message, 'x-autorespond') !== '') return true;
  if (AUTO_PRECEDENCE.test(header(message, 'precedence'))) return true;
  if (header(message, 'content-type').startsWith('multipart/report')) return true;
  if (AUTO_SUBJECT.test(message.subject.trim())) return true;
  return message.from.some((sender) => DAEMON_SENDER.test(sender.address) || DAEMON_NAME.test(sender.name.trim()));
}

/** A newsletter, mailing list or notification: nobody there waits for the user's answer. */
export function isBulk(message: Message): boolean {
  if (header(message, 'list-unsubscribe') !== '' || header(message, 'list-id') !== '') return true;
  if (BULK_PRECEDENCE.test(header(message, 'precedence'))) return true;
  return message.from.some((sender) => NO_REPLY_SENDER.test(sender.address));
}

/**
 * The day an out-of-office says its sender is back ("back on Monday 23 Nov", "return on 11/30", "until
 * December 1"), or null. A date without a year is the next such date on or after the day the reply was sent,
 * in the user's zone; a bare weekday is the next one strictly after it. "Until X" is read as back on X.
 */
export function outOfOfficeReturn(message: Message, zone: string): Day | null {
  const sentOn = message.date ? localDay(message.date, zone) : null;
  const text = message.newText.trim() !== '' ? message.newText : message.text;
  return parseReturnDate(text, sentOn);
}
