// imapflow's failures in our catalogue's words. Messages name the server and the user, never the password:
// nothing from the options object but host, port and user is ever put in a message.
import { errorMessage, FollowthruError } from '../errors.js';
import { THROTTLE_CODES, THROTTLE_TEXT } from './backoff.js';

interface Where {
  host: string;
  port: number;
  user: string;
  /** Present when the login was OAuth2: its refusal needs another fix than a password's. Never put in a message. */
  accessToken?: string;
}

interface ImapFailure {
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
  mailboxMissing?: boolean;
  /** What the server said as it closed (imapflow puts a greeting's BYE text here). */
  reason?: string;
}

// RFC 5530 codes for "not now" rather than "not you" (backoff.ts's THROTTLE_*): a login refused for these is no wrong password.

// Codes imapflow (or Node underneath) gives when the connection itself is gone or never came.
const CONNECTION_CODES = new Set([
  'NoConnection',
  'EConnectionClosed',
  'StateLogout',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'ETHROTTLE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** The error thrown by openImap when connect() fails. */
export function connectFailure(where: Where, error: unknown): FollowthruError {
  const at = `${where.host}:${where.port}`;
  const f = (error ?? {}) as ImapFailure;
  const said = f.responseText ? ` (${f.responseText})` : '';
  const busy =
    (f.serverResponseCode && THROTTLE_CODES.has(f.serverResponseCode.toUpperCase())) ||
    THROTTLE_TEXT.test(f.responseText ?? '');
  if (f.authenticationFailed && busy) {
    return new FollowthruError('EIMAP_CONNECT', `the IMAP server ${at} turned the login away for now${said}`, {
      cause: error,
    });
  }
  if (f.authenticationFailed) {
    const fix =
      where.accessToken !== undefined
        ? 'the server refused the OAuth2 access token: check imap.user, that IMAP is enabled for the mailbox, and the app\'s IMAP permission (README: "Connect your own account")'
        : 'check the user and password (many providers need an app password)';
    return new FollowthruError('EIMAP_AUTH', `IMAP login as ${where.user} at ${at} was refused${said} — ${fix}`, {
      cause: error,
    });
  }
  if (f.tlsFailed) {
    return new FollowthruError(
      'EIMAP_CONNECT',
      `the IMAP server ${at} offers no STARTTLS, so the password would travel in clear — use imap.secure (port 993), or set imap.allowInsecure for a server on this machine: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  const bye = typeof f.reason === 'string' && f.reason ? ` (the server said: ${f.reason})` : '';
  return new FollowthruError('EIMAP_CONNECT', `cannot reach the IMAP server ${at}: ${errorMessage(error)}${bye}`, {
    cause: error,
  });
}

/** The error a session method throws: a dropped connection is EIMAP_CONNECT (retry), anything else about `path` EIMAP_FOLDER. */
export function sessionFailure(error: unknown, what: string, connected: boolean): FollowthruError {
  if (error instanceof FollowthruError) return error;
  const f = (error ?? {}) as ImapFailure;
  if (!connected || (f.code !== undefined && CONNECTION_CODES.has(f.code))) {
    return new FollowthruError(
      'EIMAP_CONNECT',
      `the IMAP connection was lost while trying to ${what}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  const said = f.responseText ? ` (${f.responseText})` : '';
  return new FollowthruError('EIMAP_FOLDER', `cannot ${what}${said}: ${errorMessage(error)}`, { cause: error });
}
