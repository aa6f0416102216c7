import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitReply } from '../../src/parse/reply-text.js';
import { sharedDir } from '../support/shared.js';

const SHARED = sharedDir('fixtures', 'reply-signature');

describe('splitReply keeps the new text and cuts what came before', () => {
  it.each([
    ['gmail attribution', "I'll send it Friday.\n\nOn Tue, Nov 3, 2026 at 9:14 AM Ann <a@x.example> wrote:\n> I will call you.", "I'll send it Friday.", 'quote'],
    ['wrapped attribution', "Sure.\n\nOn Tue, Nov 3, 2026 at 9:14 AM Ann Long Name\n<a@x.example> wrote:\n> I will call you.", 'Sure.', 'quote'],
    ['german attribution', 'Mache ich.\n\nAm 03.11.2026 um 09:14 schrieb Ann <a@x.example>:\n> Danke', 'Mache ich.', 'quote'],
    ['french attribution', "D'accord.\n\nLe 3 nov. 2026 à 09:14, Ann <a@x.example> a écrit :\n> Merci", "D'accord.", 'quote'],
    ['outlook original message', 'Will do.\n\n-----Original Message-----\nFrom: Ann\nSent: Monday\nI will send the deck.', 'Will do.', 'outlook-original-message'],
    ['outlook header block', 'Thanks, on it.\n\nFrom: Ann Lee <a@x.example>\nSent: Monday, November 2, 2026 9:00 AM\nTo: Dana\nSubject: deck\n\nI will send it.', 'Thanks, on it.', 'header-block'],
    ['outlook rule', 'OK.\n________________________________\nFrom: Ann\nSent: Monday\nI will send it.', 'OK.', 'outlook-rule'],
    ['lotus forwarded by', 'FYI, see below.\n---------------------- Forwarded by Phillip K Allen/HOU/ECT on 05/10/2001 01:26 PM ---------------------------\nI will fix it.', 'FYI, see below.', 'forwarded'],
    ['lotus name on stamp', 'Fine with me.\n\n"Smith, John" <jsmith@x.example> on 05/10/2001 01:26:33 PM\nTo: Phillip K Allen/HOU/ECT@ECT\ncc:\nSubject: gas\n\nI will send the curves.', 'Fine with me.', 'lotus-stamp'],
    ['lotus name then stamp', 'Agreed.\n\nJeff Dasovich\n05/10/2001 01:26 PM\nTo: Susan J Mara/NA/Enron@ENRON\ncc:\nSubject: Re: rates\n\nI will call Sue.', 'Agreed.', 'lotus-name-stamp'],
    ['sig dashes', "I'll send it.\n-- \nDana Reyes\nNorthwind Solar", "I'll send it.", 'signature-dashes'],
    ['iphone', "I'll call you at 3.\n\nSent from my iPhone", "I'll call you at 3.", 'mobile-signature'],
    ['sign-off block', "I'll send the quote tomorrow.\n\nThanks,\nDana Reyes\nAccount Executive\n(312) 555-0147", "I'll send the quote tomorrow.", 'sign-off'],
    ['disclaimer', "Will send Monday.\n\nCONFIDENTIALITY NOTICE: This e-mail is confidential and intended only for the addressee.", 'Will send Monday.', 'disclaimer'],
  ])('%s', (_name, body, newText, cutBy) => {
    const split = splitReply(body);
    expect(split.newText).toBe(newText);
    expect(split.cutBy).toBe(cutBy);
  });

  it('drops a bare name sign-off but keeps the promise', () => {
    expect(splitReply("Hi Ann,\nI'll send the brochure Friday.\n\nDana").newText).toBe("Hi Ann,\nI'll send the brochure Friday.");
  });

  it('keeps a bottom-posted answer between quotes', () => {
    const body = 'On Mon, Ann <a@x.example> wrote:\n> Can you send the specs?\n\nYes, I will send them today.\n\n> And the price?\n\nBy Friday.';
    expect(splitReply(body).newText).toBe('Yes, I will send them today.\n\nBy Friday.');
  });

  it.each([
    ['a plain mail', "Hi Ann,\nI'll send the brochure Friday.", null],
    ['a sentence starting with On', 'On Monday I will send it.', null],
    ['a To: line in prose', 'To: be honest, I will call you.', null],
  ])('does not cut %s', (_name, body, cutBy) => {
    expect(splitReply(body).cutBy).toBe(cutBy);
  });
});

/** Public reply fixtures (inputs only): the new text must hold no quoted line and no attribution. */
function replyFixtures(): [string, string][] {
  const sets = ['github-email_reply_parser-emails', 'crisp-email-reply-parser-fixtures', 'willdurand-EmailReplyParser-fixtures'];
  return sets.flatMap((set) =>
    readdirSync(join(SHARED, set))
      .filter((f) => f.endsWith('.txt'))
      .map((f): [string, string] => [`${set}/${f}`, readFileSync(join(SHARED, set, f), 'utf8')]),
  );
}

describe('public reply fixtures', () => {
  const fixtures = replyFixtures();
  it('are all there', () => expect(fixtures.length).toBeGreaterThan(100));

  it.each(fixtures)('%s: no quoted line or attribution is left', (_name, body) => {
    const { newText } = splitReply(body);
    expect(newText.split('\n').filter((line) => /^\s*>/.test(line))).toEqual([]);
    expect(newText).not.toMatch(/^On .{0,200} wrote:$/m);
    expect(newText).not.toMatch(/^-+\s*Original Message\s*-+$/im);
  });
});

describe('mailgun/forge signature lines (Enron mail), scored per line', () => {
  // P/ bodies mark signature lines with #sig#; a good split drops them and keeps the lines above.
  const dir = join(SHARED, 'mailgun-forge-signatures', 'P');
  const bodies = readdirSync(dir).filter((f) => f.endsWith('_body')).map((f) => readFileSync(join(dir, f), 'utf8'));
  it('drops most signature lines and keeps nearly all body lines', () => {
    let sigLines = 0;
    let sigDropped = 0;
    let bodyLines = 0;
    let bodyKept = 0;
    for (const marked of bodies) {
      const lines = marked.split('\n');
      const plain = lines.map((l) => l.replace(/^#sig#/, '')).join('\n');
      const kept = new Set(splitReply(plain).newText.split('\n').map((l) => l.trim()));
      for (const line of lines) {
        const text = line.replace(/^#sig#/, '').trim();
        if (!text) continue;
        if (line.startsWith('#sig#')) {
          sigLines++;
          if (!kept.has(text)) sigDropped++;
        } else {
          bodyLines++;
          if (kept.has(text)) bodyKept++;
        }
      }
    }
    const dropped = sigDropped / sigLines;
    const keptShare = bodyKept / bodyLines;
    console.log(`signature lines dropped ${(dropped * 100).toFixed(1)}%, body lines kept ${(keptShare * 100).toFixed(1)}%`);
    expect(keptShare).toBeGreaterThan(0.9);
    expect(dropped).toBeGreaterThan(0.75);
  });
});
