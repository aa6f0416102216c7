import { describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { backoffDelay, classifyFailure } from '../../src/source/backoff.js';
import { MAX_RESETS, planFolder } from '../../src/source/cursor.js';
import { findSentFolder } from '../../src/source/folders.js';
import type { FolderCursor } from '../../src/store/index.js';

const f = (path: string, specialUse: string | null = null) => ({ path, specialUse });

describe('findSentFolder', () => {
  it.each([
    ['the \\Sent flag wins over names', [f('INBOX'), f('Sent'), f('Archive', '\\Sent')], null, 'Archive'],
    ['Gmail', [f('INBOX'), f('[Gmail]/Sent Mail')], null, '[Gmail]/Sent Mail'],
    ['Outlook', [f('INBOX'), f('Sent Items'), f('Drafts')], null, 'Sent Items'],
    ['German', [f('INBOX'), f('Gesendete Objekte')], null, 'Gesendete Objekte'],
    ['Courier namespace', [f('INBOX'), f('INBOX.Sent')], null, 'INBOX.Sent'],
    ['the override', [f('INBOX'), f('Sent'), f('Outbox')], 'Outbox', 'Outbox'],
  ])('%s', (_name, folders, override, sent) => expect(findSentFolder(folders, override)).toBe(sent));

  it.each([
    ['ambiguous names', [f('Sent'), f('Sent Items')], null, /more than one.*"Sent", "Sent Items".*imap\.sentFolder/],
    ['nothing like Sent', [f('INBOX'), f('Archive')], null, /no Sent folder.*INBOX, Archive/],
    ['an override that does not exist', [f('INBOX'), f('Sent')], 'Sent Mail', /"Sent Mail" does not exist.*INBOX, Sent/],
  ])('refuses %s, listing the candidates', (_name, folders, override, message) => {
    expect(() => findSentFolder(folders, override)).toThrow(message);
  });
});

describe('planFolder', () => {
  const since = new Date('2026-10-17T00:00:00Z');
  const status = (uidValidity: string, uidNext: number) => ({ uidValidity, uidNext, messages: uidNext - 1, highestModseq: null });
  const cursor = (spec: Partial<FolderCursor> = {}): FolderCursor => ({
    folder: 'Sent', uidValidity: '100', lastUid: 10, highestModseq: null, resets: 0, parked: 0, ...spec,
  });
  it.each([
    ['first sight: backfill', null, status('100', 11), 'backfill'],
    ['nothing new', cursor(), status('100', 11), 'up-to-date'],
    ['new mail', cursor(), status('100', 15), 'incremental'],
    ['UIDVALIDITY changed: reset', cursor(), status('200', 3), 'reset'],
    [`reset number ${MAX_RESETS + 1}: parked`, cursor({ resets: MAX_RESETS }), status('300', 3), 'parked'],
    ['already parked stays parked', cursor({ parked: 1 }), status('100', 50), 'parked'],
  ])('%s', (_name, stored, seen, kind) => {
    expect(planFolder('Sent', stored, seen, since).kind).toBe(kind);
  });
  it('a reset starts the cursor again under the new UIDVALIDITY and counts it', () => {
    expect(planFolder('Sent', cursor(), status('200', 3), since)).toMatchObject({
      kind: 'reset', cursor: { uidValidity: '200', lastUid: 0, resets: 1 },
    });
  });
});

describe('backoffDelay', () => {
  const policy = { baseMs: 1000, maxMs: 60_000, random: () => 1 };
  it.each([
    [1, 1000], [2, 2000], [3, 4000], [7, 60_000], [30, 60_000],
  ])('attempt %i waits at most %i ms', (attempt, ms) => expect(backoffDelay(attempt, 'transient', policy)).toBe(ms));
  it('never a tight loop, even with an unlucky draw', () => {
    expect(backoffDelay(1, 'transient', { ...policy, random: () => 0 })).toBe(500);
  });
  it('a refused login waits the longest: only the user can fix it', () => {
    expect(backoffDelay(1, 'auth', policy)).toBe(60_000);
    expect(classifyFailure(new FollowthruError('EIMAP_AUTH', 'no'))).toBe('auth');
    expect(classifyFailure(new FollowthruError('EIMAP_CONNECT', 'no'))).toBe('transient');
  });
});
