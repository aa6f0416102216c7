// Follow-up suggestions written from the thread, neutral, in the user's template when there is one.
import { describe, expect, it } from 'vitest';
import { type ComposeOptions, composeDigest } from '../../src/digest/compose.js';
import { fillTemplate, greeting, suggestFollowUp, unknownPlaceholders } from '../../src/digest/suggest.js';
import { parseConfig } from '../../src/config.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import { item } from './factory.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const ctx = { now: NOW, timeZone: 'America/Chicago' };
const priya = [{ name: 'Priya Shah', address: 'priya@harbor.example' }];

describe('suggestFollowUp', () => {
  it('a quiet thread: what was asked, when, neutral (no sales pitch)', () => {
    const text = suggestFollowUp(
      item({
        kind: 'awaiting-reply',
        subject: 'Signed form',
        text: 'Could you send the signed form?',
        sentAt: '2026-11-05T15:00:00.000Z',
        counterparties: priya,
      }),
      false,
      ctx,
    );
    expect(text).toBe(
      'Hi Priya, following up on my mail of Thu 5 Nov about "Signed form", where I asked: "Could you send the signed form?". Could you let me know where this stands?',
    );
    expect(text).not.toMatch(/15-minute|help you decide|call/);
  });

  it('their promise: what they said they would do, and by when', () => {
    const text = suggestFollowUp(
      item({
        kind: 'their-promise',
        action: 'send me the specs',
        due: { date: '2026-11-13', at: null, text: 'by Friday' },
        sentAt: '2026-11-10T15:00:00.000Z',
        counterparties: priya,
      }),
      false,
      ctx,
    );
    expect(text).toBe(
      'Hi Priya, on Tue 10 Nov you mentioned you would send you the specs by Friday. Is that still the plan?',
    );
  });

  it('the last note after the final nudge', () => {
    expect(
      suggestFollowUp(
        item({ kind: 'awaiting-reply', subject: 'Quote', sentAt: '2026-10-20T15:00:00.000Z', counterparties: priya }),
        true,
        ctx,
      ),
    ).toMatch(/^Hi Priya, I have not heard back about "Quote" since Tue 20 Oct, so I will close this on my side/);
  });

  it.each([
    ['one named person', priya, 'Hi Priya,'],
    ['an address alone', [{ name: '', address: 'ops@harbor.example' }], 'Hello,'],
    ['a group', [...priya, { name: 'Erin Walsh', address: 'erin@harbor.example' }], 'Hi all,'],
  ])('greeting for %s: %s (never "Hi there")', (_case, counterparties, expected) => {
    expect(greeting(item({ counterparties }))).toBe(expected);
  });

  it("uses the user's template, filled from the thread", () => {
    const text = suggestFollowUp(
      item({ kind: 'awaiting-reply', subject: 'Quote', sentAt: '2026-11-02T15:00:00.000Z', counterparties: priya }),
      false,
      { ...ctx, templates: { waiting: '{greeting} any news on "{subject}"? It has been {waited}.' } },
    );
    expect(text).toBe('Hi Priya, any news on "Quote"? It has been 2 weeks.');
  });

  it('finds placeholders that do not exist', () => {
    expect(unknownPlaceholders('{greeting} {nmae} {subject} {x}')).toEqual(['nmae', 'x']);
    expect(
      fillTemplate('{greeting} {due}.', {
        greeting: 'Hi,',
        name: '',
        subject: '',
        asked: '',
        promised: '',
        due: '',
        sentOn: '',
        waited: '',
      }),
    ).toBe('Hi,.');
  });
});

describe('templates from the config', () => {
  const base = {
    me: ['d@x.example'],
    imap: { host: 'imap.x.example', user: 'd', passwordEnv: 'P' },
    digest: { deliver: 'imap' },
  };
  it('reach the digest', () => {
    const config = parseConfig(
      { ...base, followUp: { templates: { waiting: '{greeting} still keen on "{subject}"?' } } },
      '/tmp/c.json',
    );
    const o: ComposeOptions = {
      now: NOW,
      timeZone: 'America/Chicago',
      holidays: [],
      lastDigestAt: null,
      maxItems: 25,
      quiet: false,
      cadence: DEFAULT_CADENCE,
      templates: config.followUp.templates,
    };
    const quiet = item({
      kind: 'awaiting-reply',
      subject: 'Site visit',
      sentAt: '2026-11-06T15:00:00.000Z',
      clockStartedAt: '2026-11-06T15:00:00.000Z',
      counterparties: priya,
    });
    expect(composeDigest([quiet], o)?.sections[0]?.lines[0]?.suggestion).toBe('Hi Priya, still keen on "Site visit"?');
  });

  it('a misspelt placeholder is a config problem with the fix', () => {
    expect(() => parseConfig({ ...base, followUp: { templates: { lastNote: 'Bye {nmae}' } } }, '/tmp/c.json')).toThrow(
      /followUp\.templates\.lastNote: uses \{nmae\}, which is not a placeholder — fix: use only \{greeting\}/,
    );
  });
});
