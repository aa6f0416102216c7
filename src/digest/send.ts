// The edge adapter for outgoing mail: the only file that imports nodemailer. It builds the digest as raw RFC
// 5322 bytes (for IMAP delivery) or sends it over SMTP, and builds the follow-up drafts filed into Drafts.
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import { errorMessage, FollowthruError } from '../errors.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With angle brackets: "<followthru.abc@example.com>". */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
  date: Date;
}

function message(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: mail.headers,
    date: mail.date,
  };
}

/** The mail as bytes, ready for IMAP APPEND. */
export async function composeRaw(mail: OutgoingMail): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(message(mail));
  return info.message as Buffer;
}

/** A draft for the user's Drafts folder: plain text, threaded, with no followthru header (others will read it). */
export interface DraftBytes {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** With angle brackets. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  date: Date;
}

/** The draft as bytes, ready for IMAP APPEND into Drafts. Never sent from here. */
export async function composeDraftRaw(draft: DraftBytes): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ ...draft, cc: draft.cc.length > 0 ? draft.cc : undefined });
  return info.message as Buffer;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A password (as a string, or { password }), an OAuth2 access token (sent as XOAUTH2), or null for no login. */
export type SmtpLogin = string | { password: string } | { accessToken: string } | null;

function authOf(user: string | null, login: SmtpLogin) {
  if (!user || login === null) return undefined;
  if (typeof login === 'string') return { user, pass: login };
  if ('accessToken' in login) return { type: 'OAuth2' as const, user, accessToken: login.accessToken };
  return { user, pass: login.password };
}

/** True when the server refused the login itself (not the connection, not the mail). */
export function isSmtpAuthRefusal(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === 'EAUTH') return true;
  }
  return false;
}

function transportFor(smtp: SmtpConfig, password: SmtpLogin) {
  const insecure = smtp.allowInsecure && LOOPBACK.has(smtp.host);
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure && !insecure,
    ignoreTLS: insecure,
    auth: authOf(smtp.user, password),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/** Connects and logs in without sending anything (for `doctor`). */
export async function verifySmtp(smtp: SmtpConfig, password: SmtpLogin): Promise<void> {
  const transport = transportFor(smtp, password);
  try {
    await transport.verify();
  } catch (error) {
    throw new FollowthruError('ESMTP', `SMTP ${smtp.host}:${smtp.port}: ${errorMessage(error)}`, { cause: error });
  } finally {
    transport.close();
  }
}

/** The longest one SMTP delivery may take, start to end: socket timeouts never fire on a server that trickles. */
export const SMTP_DEADLINE_MS = 2 * 60_000;

/** Sends over SMTP. STARTTLS is required unless the config allows plaintext (loopback tests only). */
export async function sendSmtp(
  mail: OutgoingMail,
  smtp: SmtpConfig,
  password: SmtpLogin,
  deadlineMs = SMTP_DEADLINE_MS,
): Promise<void> {
  const transport = transportFor(smtp, password);
  // nodemailer drops the connection when the signal aborts (its typings do not list the option yet).
  const signal = AbortSignal.timeout(deadlineMs);
  try {
    await transport.sendMail({ ...message(mail), envelope: { from: mail.from, to: [mail.to] }, signal } as Parameters<
      ReturnType<typeof nodemailer.createTransport>['sendMail']
    >[0]);
  } catch (error) {
    // nodemailer's messages carry the server's reply, never our password.
    const reason = signal.aborted ? `no answer within ${deadlineMs / 1000} s` : errorMessage(error);
    throw new FollowthruError('ESMTP', `sending the digest via ${smtp.host}:${smtp.port} failed: ${reason}`, {
      cause: error,
    });
  } finally {
    transport.close();
  }
}
