// The parse adapter: raw bytes → Message. The only file that imports mailparser (in maintenance mode: keep
// it behind this one door so swapping it for postal-mime is a one-file change).
import { type AddressObject, type EmailAddress, type ParsedMail, simpleParser } from 'mailparser';
import { errorMessage, FollowthruError } from '../errors.js';
import type { Address, AttachmentInfo, Message, RawMessage } from '../types.js';
import { offsetOfDateHeader } from './date-offset.js';
import { hasInvisibleContent, htmlToText } from './html-text.js';
import { messageIdList, normaliseMessageId, referenceList, stableId } from './identity.js';
import { splitReply } from './reply-text.js';

export { offsetOfDateHeader } from './date-offset.js';

/** The headers later stages decide on (see Message.headers). */
const KEPT_HEADERS = [
  'auto-submitted',
  'precedence',
  'list-unsubscribe',
  'list-id',
  'x-autoreply',
  'x-auto-response-suppress',
  'x-followthru-digest',
  'x-gm-thrid',
  'content-type',
  'from',
];
/** Text beyond this is not read: no promise hides after a megabyte of body, and extraction stays fast. */
const MAX_TEXT_CHARS = 1_000_000;
/** mailparser's HTML-to-text (html-to-text) is skipped above this; our tag stripper then reads a prefix. */
const MAX_HTML_CHARS = 2_000_000;

/** NULs and lone control characters break SQLite text and the detectors' regexes alike. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const clean = (text: string): string => text.replace(/\u00a0/g, ' ').replace(CONTROL, '');

function flatten(list: EmailAddress[]): Address[] {
  return list.flatMap((entry) =>
    entry.group
      ? flatten(entry.group)
      : entry.address
        ? [{ name: clean(entry.name ?? '').trim(), address: clean(entry.address).trim().toLowerCase() }]
        : [],
  );
}

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  if (!field) return [];
  return flatten((Array.isArray(field) ? field : [field]).flatMap((f) => f.value));
}

/** The header as it stood in the mail (unfolded), not mailparser's decoded structure. */
function headerText(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name)?.line;
  return line === undefined ? undefined : unfold(line);
}

const unfold = (line: string): string => clean(line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ')).trim();
/** The provider's header is among the first few; a mail with hundreds carries nothing more to read. */
const MAX_AUTH_RESULTS = 20;

/**
 * The text part, or mailparser's rendering of an HTML-only mail (html-to-text keeps <blockquote> as "> "
 * lines, so reply-text strips them like any quote). When that is empty or was refused (too long, too deep),
 * our own tag stripper reads the HTML instead.
 */
function bodyText(parsed: ParsedMail, raw: RawMessage): string {
  const html = parsed.html ? parsed.html.slice(0, MAX_HTML_CHARS) : '';
  // html-to-text renders display:none and the like; a command or promise hidden there is nobody's words.
  const htmlOnly =
    html !== '' && !/^content-type:\s*text\/plain/im.test(raw.bytes.subarray(0, MAX_HTML_CHARS).toString('latin1'));
  if (htmlOnly && hasInvisibleContent(html)) return clean(htmlToText(html).slice(0, MAX_TEXT_CHARS));
  const text = parsed.text?.trim() ? parsed.text : html ? htmlToText(html) : '';
  return clean(text.slice(0, MAX_TEXT_CHARS));
}

function attachments(parsed: ParsedMail): AttachmentInfo[] {
  return parsed.attachments
    .filter((a) => a.contentDisposition === 'attachment' || a.filename)
    .map((a) => ({ filename: a.filename ? clean(a.filename) : null, contentType: a.contentType, size: a.size }));
}

async function parse(raw: RawMessage): Promise<ParsedMail> {
  try {
    return await simpleParser(raw.bytes, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: MAX_HTML_CHARS,
    });
  } catch (error) {
    throw new FollowthruError('EPARSE', `${raw.origin}: not a readable mail: ${errorMessage(error)}`, { cause: error });
  }
}

/** mailparser alone, as parseMessage calls it: the floor any parse must pay (the benchmark measures against it). */
export async function parseBare(raw: RawMessage): Promise<void> {
  await parse(raw);
}

export async function parseMessage(raw: RawMessage): Promise<Message> {
  const parsed = await parse(raw);
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headerText(parsed, name);
    if (value !== undefined) headers[name] = value;
  }
  // Every Authentication-Results, topmost (the last server's, the user's own provider) first: one per line.
  const results = parsed.headerLines.filter((h) => h.key === 'authentication-results').slice(0, MAX_AUTH_RESULTS);
  if (results.length > 0) headers['authentication-results'] = results.map((h) => unfold(h.line)).join('\n');
  const text = bodyText(parsed, raw);
  const from = addresses(parsed.from);
  const to = addresses(parsed.to);
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  const messageId = normaliseMessageId(parsed.messageId);
  const subject = clean(parsed.subject ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const stable = () =>
    stableId({
      from: from.map((a) => a.address).join(','),
      to: to.map((a) => a.address).join(','),
      date: date?.toISOString() ?? '',
      subject,
      body: text,
    });
  return {
    id: messageId ?? stable(),
    messageId,
    inReplyTo: messageIdList(parsed.inReplyTo)[0] ?? null,
    references: referenceList(parsed.references),
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
    attachments: attachments(parsed),
    size: raw.bytes.length,
  };
}
