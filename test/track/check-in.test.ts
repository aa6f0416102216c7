// Thank-you after the deal: a milestone in the user's sent mail ("the contract is signed") makes a check-in item
// for the people it went to, due checkInAfterDays (default 14) later. The real extractor, pure tracking.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { type TrackContext, trackMessage } from '../../src/track/apply.js';
import { BOB, CAROL, ME, message, NOW, ZONE } from './factory.js';

const extractor = createExtractor();
const ctx: TrackContext = { me: ME, now: NOW, timeZone: ZONE, holidays: [] };
const sent = (newText: string, to = [`Bob Stone <${BOB}>`]) =>
  message({ from: ME[0], to, newText, date: '2026-05-14T15:00:00Z' });
const checkIns = (mail: ReturnType<typeof message>, context: TrackContext = ctx) =>
  trackMessage({ openItems: [], threadOf: () => undefined }, mail, extractor.extract(mail), context).newItems.filter(
    (i) => i.rule.startsWith('check-in:'),
  );

describe('check-in after a deal or a delivery', () => {
  it('"the contract is signed" makes a check-in item for them due 14 days later', () => {
    const [item, ...more] = checkIns(sent('Great news, Bob. The contract is signed. Welcome aboard!'));
    expect(more).toEqual([]);
    expect(item?.kind).toBe('promise');
    expect(item?.status).toBe('open');
    expect(item?.rule).toBe('check-in:contract-signed');
    expect(item?.due?.date).toBe('2026-05-28');
    expect(item?.counterparties.map((a) => a.address)).toEqual([BOB]);
    expect(item?.text).toBe('Check in with Bob Stone: The contract is signed.');
  });

  it.each([
    ['thanks for your order', 'Thanks for your order, Carol!', 'check-in:thanks-for-order'],
    ['your order has shipped', 'Your order has shipped and should arrive Friday.', 'check-in:order-shipped'],
  ])('"%s" schedules one too', (_name, text, rule) => {
    expect(checkIns(sent(text, [CAROL])).map((i) => i.rule)).toEqual([rule]);
  });

  it('the number of days comes from the config, and 0 turns it off', () => {
    const mail = sent('The contract is signed.');
    expect(checkIns(mail, { ...ctx, checkInAfterDays: 30 })[0]?.due?.date).toBe('2026-06-13');
    expect(checkIns(mail, { ...ctx, checkInAfterDays: 0 })).toEqual([]);
  });

  it.each([
    ['a deal not closed yet', 'The contract is not signed yet.'],
    ['a condition', 'Once the contract is signed we can start.'],
    ['a question', 'Is the contract signed?'],
  ])('no check-in for %s', (_name, text) => {
    expect(checkIns(sent(text))).toEqual([]);
  });

  it('no check-in when the milestone is in mail to the user, or to nobody but the user', () => {
    expect(checkIns(message({ from: BOB, to: [ME[0] ?? ''], newText: 'The contract is signed.' }))).toEqual([]);
    expect(checkIns(sent('The contract is signed.', [ME[1] ?? '']))).toEqual([]);
  });
});
