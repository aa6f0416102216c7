import { describe, expect, it } from 'vitest';
import { isAutoReply, isBulk, outOfOfficeReturn } from '../../src/track/auto-reply.js';
import { message } from './factory.js';

describe('isAutoReply', () => {
  it.each([
    ['Auto-Submitted: auto-replied', { headers: { 'auto-submitted': 'auto-replied' } }],
    ['Auto-Submitted: auto-generated', { headers: { 'auto-submitted': 'Auto-Generated; type=x' } }],
    ['X-Autoreply', { headers: { 'x-autoreply': 'yes' } }],
    ['X-Autorespond', { headers: { 'x-autorespond': 'vacation' } }],
    ['Precedence: auto_reply', { headers: { precedence: 'auto_reply' } }],
    ['Precedence: junk', { headers: { precedence: 'junk' } }],
    ['a delivery report body', { headers: { 'content-type': 'multipart/report; report-type=x' } }],
    ['Out of Office subject', { subject: 'Out of Office: Contract' }],
    ['Automatic reply subject', { subject: 'Automatic reply: Re: Contract' }],
    ['Autoreply subject', { subject: 'Autoreply: Contract' }],
    ['German subject', { subject: 'Abwesenheitsnotiz: Vertrag' }],
    ['French subject', { subject: 'Réponse automatique : Contrat' }],
    ['tagged subject', { subject: '[EXTERNAL] Automatic reply: Contract' }],
    ['Undeliverable', { subject: 'Undeliverable: Contract' }],
    ['Delivery Status Notification', { subject: 'Delivery Status Notification (Failure)' }],
    ['MAILER-DAEMON sender', { from: 'MAILER-DAEMON@mx.example', subject: 'failure' }],
    ['Mail Delivery Subsystem sender', { from: 'Mail Delivery Subsystem <bounce@mx.example>', subject: 'x' }],
  ])('%s', (_name, spec) => {
    expect(isAutoReply(message(spec))).toBe(true);
  });

  it.each([
    ['a plain reply', { subject: 'Re: Contract' }],
    ['Auto-Submitted: no', { headers: { 'auto-submitted': 'no' } }],
    ['a person discussing office hours', { subject: 'Re: Out of office policy' }],
    ['a person back from leave', { subject: 'Back in the office' }],
  ])('not: %s', (_name, spec) => {
    expect(isAutoReply(message(spec))).toBe(false);
  });
});

describe('isBulk', () => {
  it.each([
    ['List-Unsubscribe', { headers: { 'list-unsubscribe': '<mailto:u@list.example>' } }],
    ['List-Id', { headers: { 'list-id': 'team.list.example' } }],
    ['Precedence: bulk', { headers: { precedence: 'bulk' } }],
    ['Precedence: list', { headers: { precedence: 'List' } }],
    ['noreply@', { from: 'noreply@shop.example' }],
    ['no-reply@', { from: 'no-reply@shop.example' }],
    ['do-not-reply@', { from: 'do-not-reply@bank.example' }],
    ['donotreply@', { from: 'DoNotReply@bank.example' }],
    ['notifications@', { from: 'notifications@github.example' }],
  ])('%s', (_name, spec) => {
    expect(isBulk(message(spec))).toBe(true);
  });

  it.each([
    ['a person', { from: 'bob@client.example' }],
    ['a name that starts like noreply', { from: 'noreen@client.example' }],
    ['reply@ is a person-facing inbox', { from: 'reply@client.example' }],
  ])('not: %s', (_name, spec) => {
    expect(isBulk(message(spec))).toBe(false);
  });
});

describe('outOfOfficeReturn reads the return day (sent Wednesday 2026-11-18)', () => {
  const sent = '2026-11-18T15:00:00Z';
  it.each([
    ['I will be back on Monday 23 Nov.', '2026-11-23'],
    ['I will be back on Monday, November 23rd.', '2026-11-23'],
    ['I will return on 11/30.', '2026-11-30'],
    ['I am away until December 1.', '2026-12-01'],
    ['Back in the office on 2026-11-25.', '2026-11-25'],
    ['I return on 30.11. and will reply then.', '2026-11-30'],
    ['Ich bin ab dem 23.11. wieder im Büro.', '2026-11-23'],
    ['I am back on Monday.', '2026-11-23'], // the next Monday after the reply
    ['Returning January 4th with limited access', '2027-01-04'], // a date already past this year is next year's
    ['Away 16 Nov until 20 Nov, back on 24 Nov.', '2026-11-24'], // "back on" beats "until"
  ])('%j → %s', (text, expected) => {
    expect(outOfOfficeReturn(message({ newText: text, date: sent }), 'Europe/Berlin')).toBe(expected);
  });

  it.each([
    ['I am out of the office with limited access to email.', sent],
    ["I'll get back to you as soon as I can.", sent],
    ['I will be back on Feb 30.', sent], // no such day
    ['I am back on Monday.', null], // no Date header: no day to count from
  ])('%j (sent %s) → null', (text, date) => {
    expect(outOfOfficeReturn(message({ newText: text, date }), 'Europe/Berlin')).toBeNull();
  });
});
