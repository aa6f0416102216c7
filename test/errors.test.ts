import { describe, expect, it } from 'vitest';
import { blamesTheMail, FollowthruError } from '../src/errors.js';

const sqlite = (code: string) => Object.assign(new Error(`${code}: detail`), { code });
const wrapped = (code: string) =>
  new FollowthruError('ESTORE', `${code}: detail (while running: …)`, { cause: sqlite(code) });

describe('blamesTheMail: skip the mail, or fail the batch', () => {
  it.each([
    ['a statement SQLite refused', wrapped('SQLITE_ERROR')],
    ['a constraint a trigger raised', wrapped('SQLITE_CONSTRAINT')],
    ['a value too big', wrapped('SQLITE_TOOBIG')],
    ['a throw in extraction', new RangeError('Invalid time value')],
    ['a bad parse', new FollowthruError('EPARSE', 'not a readable mail')],
  ])('the mail: %s', (_name, error) => expect(blamesTheMail(error)).toBe(true));

  it.each([
    ['a busy store', wrapped('SQLITE_BUSY')],
    ['a full disk', wrapped('SQLITE_FULL')],
    ['an I/O error', wrapped('SQLITE_IOERR')],
    ['a read-only file', wrapped('SQLITE_READONLY')],
    ['a corrupt file', wrapped('SQLITE_CORRUPT')],
    ['a closed store', new FollowthruError('ESTORE', 'the store x.db is closed')],
    ['a dropped connection', new FollowthruError('EIMAP_CONNECT', 'gone')],
    ['a reset socket', Object.assign(new Error('reset'), { code: 'ECONNRESET' })],
  ])('not the mail: %s', (_name, error) => expect(blamesTheMail(error)).toBe(false));
});
