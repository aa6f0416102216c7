// The parse adapter: raw bytes → Message. The only file that imports mailparser (in maintenance mode: keep
// it behind this one door so swapping it for postal-mime is a one-file change).
import { type AddressObject, type EmailAddress, type ParsedMail, simpleParser } from 'mailparser';
import { errorMessage, FollowthruError } from '../errors.js';
import type { Address, Message, RawMessage } from '../types.js';
import { htmlToText } from './html-text.js';
import { messageIdList, normaliseMessageId, stableId } from './identity.js';
import { splitReply } from './reply-text.js';

/** The headers later stages decide on (see Message.headers). */
const KEPT_HEADERS = [
  'auto-submitted', 'precedence', 'list-unsubscribe', 'list-id', 'x-autoreply', 'x-auto-response-suppress',
  'x-followthru-digest', 'x-gm-thrid', 'content-type', 'from',
];
/** Text beyond this is not read: no promise hides after a megabyte of body, and extraction stays fast. */
const MAX_TEXT_CHARS = 1_000_000;

function flatten(list: EmailAddress[]): Address[] {
  return list.flatMap((entry) =>
    entry.group
      ? flatten(entry.group)
      : entry.address
        ? [{ name: (entry.name ?? '').trim(), address: entry.address.trim().toLowerCase() }]
        : [],
  );
}

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  if (!field) return [];
  return flatten((Array.isArray(field) ? field : [field]).flatMap((f) => f.value));
}

/** The Date header's own offset ("-0700" → -420): the sender's zone, which "Friday" is read in. */
export function offsetOfDateHeader(value: string | undefined): number {
  const match = /([+-])(\d{2}):?(\d{2})\s*(\(.*\))?\s*$/.exec(value ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name)?.line;
  return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** Mail with no text/plain part: our own HTML reading, which keeps <blockquote> as "> " quotes to strip. */
function isHtmlOnly(parsed: ParsedMail, raw: RawMessage): boolean {
  return Boolean(parsed.html) && !/content-type:\s*text\/plain/i.test(raw.bytes.toString('latin1'));
}

function bodyText(parsed: ParsedMail, raw: RawMessage): string {
  const text = isHtmlOnly(parsed, raw) || !parsed.text?.trim() ? htmlToText(parsed.html || '') : parsed.text;
  // NULs and lone control characters break SQLite text and the detectors' regexes alike.
  return text
    .slice(0, MAX_TEXT_CHARS)
    .replace(/\u00a0/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export async function parseMessage(raw: RawMessage): Promise<Message> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw.bytes, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (error) {
    throw new FollowthruError('EPARSE', `${raw.origin}: not a readable mail: ${errorMessage(error)}`, { cause: error });
  }
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headerText(parsed, name);
    if (value !== undefined) headers[name] = value;
  }
  const text = bodyText(parsed, raw);
  const from = addresses(parsed.from);
  const to = addresses(parsed.to);
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  const messageId = normaliseMessageId(parsed.messageId);
  const subject = (parsed.subject ?? '').replace(/\s+/g, ' ').trim();
  return {
    id:
      messageId ??
      stableId({
        from: from.map((a) => a.address).join(','),
        to: to.map((a) => a.address).join(','),
        date: date?.toISOString() ?? '',
        subject,
        body: text,
      }),
    messageId,
    inReplyTo: messageIdList(parsed.inReplyTo)[0] ?? null,
    references: messageIdList(parsed.references),
    from,
    to,
    cc: addresses(parsed.cc),
    bcc: addresses(parsed.bcc),
    replyTo: addresses(parsed.replyTo),
    subject,
    date,
    tzOffsetMinutes: offsetOfDateHeader(headerText(parsed, 'date')),
    headers,
    text,
    newText: splitReply(text).newText,
    attachments: parsed.attachments
      .filter((a) => a.contentDisposition === 'attachment' || a.filename)
      .map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
    size: raw.bytes.length,
  };
}
