// One catalogue of error codes. Every error followthru raises on purpose is a FollowthruError with one of these,
// keeps its `cause`, and `isRetryable` alone decides between retry and skip.

export const ERROR_CODES = {
  ECONFIG: 'the configuration is invalid',
  EUSAGE: 'a command was given a wrong flag or argument',
  ESECRET: 'a password could not be read',
  ESIGNIN: 'the OAuth2 sign-in is missing, expired or was refused: only `followthru login` fixes it',
  EOAUTH: 'the OAuth2 sign-in server could not be reached or answered badly',
  EIMAP_AUTH: 'the IMAP server refused the login',
  EIMAP_CONNECT: 'the IMAP server could not be reached or dropped the connection',
  EIMAP_FOLDER: 'a mailbox folder could not be found or chosen',
  ESMTP: 'the digest could not be sent',
  EPARSE: 'a mail could not be parsed',
  ESTORE: 'the store failed',
  ELOCKED: 'another followthru run already holds the store',
  EINPUT: 'an input file could not be read',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class FollowthruError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FollowthruError';
    this.code = code;
  }
}

/** The SMTP reply code nodemailer put on the error or its cause (451, 535…), if any. */
export function smtpResponseCode(error: unknown): number | null {
  for (
    let e = error, depth = 0;
    e !== null && e !== undefined && depth < 8;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { responseCode?: unknown }).responseCode;
    if (typeof code === 'number') return code;
  }
  return null;
}

/**
 * Network trouble is worth another try; a refused login, a bad config or a poison mail are not. An SMTP server
 * that answers 4xx means "not now" (RFC 5321 §4.2.1); a 5xx is a permanent refusal.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof FollowthruError) {
    if (error.code === 'ESMTP') return (smtpResponseCode(error) ?? 400) < 500;
    return error.code === 'EIMAP_CONNECT' || error.code === 'EOAUTH';
  }
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'NoConnection', 'EAI_AGAIN'].includes(code)
  );
}

/**
 * SQLite results that say the disk, the lock or the file is at fault, not the statement: the same mail would
 * go in once the store is healthy again. node-sqlite3 names them by their primary code.
 */
const STORE_ENVIRONMENT =
  /^SQLITE_(?:BUSY|LOCKED|FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN|NOMEM|INTERRUPT|PROTOCOL|PERM|ABORT|AUTH|NOLFS)/;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 10; e = (e as { cause?: unknown }).cause)
    chain.push(e);
  return chain;
}

/**
 * Did this mail cause the failure, so that it is recorded as poison and passed over? Yes for what the mail's
 * content provoked (a statement SQLite refused, a throw in extraction or tracking); no for a store that is busy,
 * full, read-only or closed, and for network trouble, where skipping would lose good mail: those fail the batch,
 * which is retried whole.
 */
export function blamesTheMail(error: unknown): boolean {
  if (isRetryable(error)) return false;
  const chain = causes(error);
  if (chain.some((e) => STORE_ENVIRONMENT.test(String((e as { code?: unknown } | null)?.code ?? '')))) return false;
  // The store's own refusals (closed, a handle used after its transaction) are followthru's state, not the mail's.
  const last = chain.at(-1);
  return !(last instanceof FollowthruError && last.code === 'ESTORE');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
