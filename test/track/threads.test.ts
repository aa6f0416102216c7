import { describe, expect, it } from 'vitest';
import { normalizeSubject, subjectKey, threadIdFor, threadKeys } from '../../src/track/threads.js';
import { BOB, message } from './factory.js';

describe('normalizeSubject strips what clients and gateways add', () => {
  it.each([
    ['Re: Contract', 'contract'],
    ['RE: RE: Fwd: Contract', 'contract'],
    ['AW: WG: Vertrag', 'vertrag'],
    ['SV: Kontrakt', 'kontrakt'],
    ['RE[2]: Contract', 'contract'],
    ['Re(3): Contract', 'contract'],
    ['[EXTERNAL] Re: Contract', 'contract'],
    ['Re: [EXTERNAL] RE:  The   Contract ', 'the contract'],
    ['Fwd: Contract (fwd)', 'contract'],
  ])('%j → %j', (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });

  it.each([
    ['Regarding: the contract', 'regarding: the contract'], // "Regarding" is not "Re"
    ['Are we on?', 'are we on?'],
    ['Contract [draft]', 'contract [draft]'], // only leading tags go
  ])('leaves %j alone (→ %j)', (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });
});

describe('threadIdFor finds the thread in order of reliability', () => {
  const known = new Map([
    ['parent@x', 'T-parent'],
    ['root@x', 'T-root'],
    ['middle@x', 'T-middle'],
    ['gm:1789', 'T-gmail'],
    ['seen@x', 'T-seen'],
  ]);
  const lookup = (key: string) => known.get(key);

  it.each([
    ['In-Reply-To first', { inReplyTo: 'parent@x', references: ['root@x'] }, 'T-parent'],
    ['newest known reference next', { inReplyTo: 'lost@x', references: ['root@x', 'middle@x'] }, 'T-middle'],
    ['Gmail thread id next', { references: ['lost@x'], headers: { 'x-gm-thrid': '1789' } }, 'T-gmail'],
    ['a mail already seen keeps its thread', { id: 'seen@x', inReplyTo: 'parent@x' }, 'T-seen'],
    ['a new thread is the mail itself', { id: 'fresh@x', references: ['lost@x'] }, 'fresh@x'],
  ])('%s', (_name, spec, expected) => {
    expect(threadIdFor(message(spec), lookup)).toBe(expected);
  });

  it('falls back to subject and participants for a reply without headers', () => {
    const first = message({ id: 'first@x', subject: 'Contract', from: 'ann@example.com', to: [BOB] });
    const keys = new Map(threadKeys(first).map((key) => [key, 'T-first']));
    const reply = message({ subject: 'RE: [EXTERNAL] contract', from: BOB, to: ['Ann <ANN@example.com>'] });
    expect(threadIdFor(reply, (key) => keys.get(key))).toBe('T-first');
  });

  it.each([
    ['a fresh mail with the same subject', { subject: 'Contract', from: BOB, to: ['ann@example.com'] }],
    ['a reply between other people', { subject: 'Re: Contract', from: BOB, to: ['zed@example.com'] }],
  ])('does not join the subject thread: %s', (_name, spec) => {
    const first = message({ id: 'first@x', subject: 'Contract', from: 'ann@example.com', to: [BOB] });
    const keys = new Map(threadKeys(first).map((key) => [key, 'T-first']));
    const later = message({ id: 'later@x', ...spec });
    expect(threadIdFor(later, (key) => keys.get(key))).toBe('later@x');
  });

  it('gives no subject key to an empty subject', () => {
    expect(subjectKey(message({ subject: 'Re: ' }))).toBeNull();
  });
});
