// One catalogue of error codes. Every error followthru raises on purpose is a FollowthruError with one of these,
// keeps its `cause`, and `isRetryable` alone decides between retry and skip.

export const ERROR_CODES = {
  ECONFIG: 'the configuration is invalid',
  EUSAGE: 'a command was given a wrong flag or argument',
  ESECRET: 'a password could not be read',
  EIMAP_AUTH: 'the IMAP server refused the login',
  EIMAP_CONNECT: 'the IMAP server could not be reached or dropped the connection',
  EIMAP_FOLDER: 'a mailbox folder could not be found or chosen',
  ESMTP: 'the digest could not be sent',
  EPARSE: 'a mail could not be parsed',
  ESTORE: 'the store failed',
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

/** Network trouble is worth another try; a refused login, a bad config or a poison mail are not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof FollowthruError) return error.code === 'EIMAP_CONNECT' || error.code === 'ESMTP';
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'NoConnection', 'EAI_AGAIN'].includes(code)
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
