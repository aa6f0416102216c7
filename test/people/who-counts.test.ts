import { describe, expect, it } from 'vitest';
import { addressCounts, isBulkMail } from '../../src/people/who-counts.js';

const o = { me: ['me@acme.example', 'me.alias@home.example'], excludeDomains: ['acme.example'] };

describe('who counts as a person', () => {
  it('people do', () => {
    for (const a of [
      'laura.chen@harbor.example',
      'Tom.Okafor@Okafor.example',
      'priya+deals@shah.example',
      'listerine@x.example',
    ])
      expect(addressCounts(a, o), a).toBe(true);
  });
  it('the user, machines, lists and excluded domains do not', () => {
    for (const a of [
      'me@acme.example',
      'ME.ALIAS+x@home.example',
      'noreply@shop.example',
      'no-reply@x.example',
      'do_not_reply@x.example',
      'donotreply@x.example',
      'mailer-daemon@x.example',
      'notifications@github.example',
      'newsletter@shop.example',
      'weekly-newsletter@shop.example',
      'dev-request@lists.example',
      'bounce-123@mail.example',
      'colleague@acme.example',
      'boss@eu.acme.example',
      'not an address',
      '@x.example',
    ])
      expect(addressCounts(a, o), a).toBe(false);
  });
  it('bulk, list and automated mail is known by its headers', () => {
    expect(isBulkMail({ 'list-id': '<dev.lists.example>' })).toBe(true);
    expect(isBulkMail({ 'list-unsubscribe': '<mailto:u@x>' })).toBe(true);
    for (const p of ['bulk', 'list', 'junk', 'Bulk']) expect(isBulkMail({ precedence: p }), p).toBe(true);
    expect(isBulkMail({ 'auto-submitted': 'auto-generated' })).toBe(true);
    expect(isBulkMail({ 'auto-submitted': 'no' })).toBe(false);
    expect(isBulkMail({ precedence: 'first-class' })).toBe(false);
    expect(isBulkMail({})).toBe(false);
  });
});
