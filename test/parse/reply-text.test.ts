// splitReply, one line per behaviour. The public corpora are scored in reply-fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/parse/reply-detectors.js';
import { replyLines, splitReply } from '../../src/parse/reply-text.js';

const newTextOf = (body: string): string => splitReply(body).newText;

describe('splitReply keeps the new text and cuts what came before', () => {
  it.each([
    [
      'gmail attribution',
      "I'll send it Friday.\n\nOn Tue, Nov 3, 2026 at 9:14 AM Ann <a@x.example> wrote:\n> I will call you.",
      "I'll send it Friday.",
      'quote',
    ],
    [
      'wrapped attribution',
      'Sure.\n\nOn Tue, Nov 3, 2026 at 9:14 AM Ann Long Name\n<a@x.example> wrote:\n> I will call you.',
      'Sure.',
      'quote',
    ],
    [
      'attribution over unquoted old text',
      'Done.\n\nOn Tue, Nov 3, 2026 at 9:14 AM Ann <a@x.example> wrote:\n\nI will call you.',
      'Done.',
      'attribution',
    ],
    [
      'german attribution',
      'Mache ich.\n\nAm 03.11.2026 um 09:14 schrieb Ann <a@x.example>:\n> Danke',
      'Mache ich.',
      'quote',
    ],
    [
      'german, name after the verb',
      'Mache ich.\n\nAm 03.11.2026 um 09:14 schrieb Ann Lee:\nIch rufe an.',
      'Mache ich.',
      'attribution',
    ],
    [
      'french attribution',
      "D'accord.\n\nLe 3 nov. 2026 à 09:14, Ann <a@x.example> a écrit :\n> Merci",
      "D'accord.",
      'quote',
    ],
    [
      'spanish attribution',
      'Vale.\n\nEl 3/11/2026 9:14, Ann <a@x.example> escribió:\nLo envío.',
      'Vale.',
      'attribution',
    ],
    [
      'an inline reply whose quote opens with an elision mark',
      'Hi Ralph\n\nOn 03/12/2019 15:18, Ralph Boehme <r@x.example> wrote:\n[...]\n> Looking much better.\n\nSo should we run them all in fileserver?',
      'Hi Ralph\n\nSo should we run them all in fileserver?',
      'quote',
    ],
    [
      'a name alone before "wrote:"',
      'Will do\n\nFrank Bailey wrote:\n\nCan you call Mike? I will send the numbers today.',
      'Will do',
      'attribution',
    ],
    [
      'gmail verb-less attribution',
      'Ok.\n\n2026-11-03 9:14 GMT+01:00 Ann <a@x.example>:\nI will send it.',
      'Ok.',
      'attribution',
    ],
    [
      'CRLF line ends',
      "I'll send it.\r\n\r\nOn Tue, Nov 3, 2026, Ann <a@x.example> wrote:\r\n> I will call.",
      "I'll send it.",
      'quote',
    ],
    [
      'outlook original message',
      'Will do.\n\n-----Original Message-----\nFrom: Ann\nSent: Monday\nI will send the deck.',
      'Will do.',
      'outlook-original-message',
    ],
    [
      'outlook header block',
      'Thanks, on it.\n\nFrom: Ann Lee <a@x.example>\nSent: Monday, November 2, 2026 9:00 AM\nTo: Dana\nSubject: deck\n\nI will send it.',
      'Thanks, on it.',
      'header-block',
    ],
    [
      'german outlook header block',
      'Erledigt.\n\nVon: Ann Lee <a@x.example>\nGesendet: Montag, 2. November 2026 09:00\nAn: Dana\nBetreff: deck',
      'Erledigt.',
      'header-block',
    ],
    [
      'french outlook header block',
      'Ok.\n\nDe : Ann Lee\nEnvoyé : lundi 2 novembre 2026 09:00\nÀ : Dana\nObjet : deck',
      'Ok.',
      'header-block',
    ],
    [
      'outlook rule',
      'OK.\n________________________________\nFrom: Ann\nSent: Monday\nI will send it.',
      'OK.',
      'outlook-rule',
    ],
    [
      'lotus forwarded by',
      'FYI, see below.\n---------------------- Forwarded by Phillip K Allen/HOU/ECT on 05/10/2001 01:26 PM ---------------------------\nI will fix it.',
      'FYI, see below.',
      'forwarded',
    ],
    [
      'lotus name on stamp',
      'Fine with me.\n\n"Smith, John" <jsmith@x.example> on 05/10/2001 01:26:33 PM\nTo: Phillip K Allen/HOU/ECT@ECT\ncc:\nSubject: gas\n\nI will send the curves.',
      'Fine with me.',
      'lotus-stamp',
    ],
    [
      'lotus name @ node, stamp',
      'It printed fine.\n\nCarrie Southard @ ECT   02/07/2000 02:38 PM\n\nTo: Kenneth Lay/Corp/Enron@Enron\ncc:\nSubject: report',
      'It printed fine.',
      'lotus-stamp',
    ],
    [
      'lotus name then stamp',
      'Agreed.\n\nJeff Dasovich\n05/10/2001 01:26 PM\nTo: Susan J Mara/NA/Enron@ENRON\ncc:\nSubject: Re: rates\n\nI will call Sue.',
      'Agreed.',
      'lotus-name-stamp',
    ],
    [
      'lotus address line',
      'Agreed.\n\nSusan J Mara/NA/Enron@ENRON\nTo: Jeff Dasovich/NA/Enron@ENRON\ncc:\nSubject: rates',
      'Agreed.',
      'lotus-address',
    ],
    [
      'to/cc/subject block',
      'See below.\n\nTo: Jeff Dasovich/NA/Enron@ENRON\ncc: Sue\nSubject: rates\n\nI will call.',
      'See below.',
      'header-block',
    ],
    [
      'to/cc/subject with a long wrapped To:',
      'See below.\n\nTo: Ann A/HOU/ECT@ECT, Bob B/HOU/ECT@ECT,\nCarl C/HOU/ECT@ECT, Dan D/HOU/ECT@ECT,\nEve E/HOU/ECT@ECT, Fay F/HOU/ECT@ECT,\nGus G/HOU/ECT@ECT, Hal H/HOU/ECT@ECT,\nIda I/HOU/ECT@ECT, Jo J/HOU/ECT@ECT,\nKim K/HOU/ECT@ECT\ncc: Sue\nSubject: rates',
      'See below.',
      'lotus-to-cc',
    ],
    [
      'gmail forward',
      'FYI.\n\n---------- Forwarded message ---------\nFrom: Ann <a@x.example>\nI will call.',
      'FYI.',
      'forwarded',
    ],
    ['apple forward', 'FYI.\n\nBegin forwarded message:\n\nFrom: Ann <a@x.example>', 'FYI.', 'forwarded'],
    ['sig dashes', "I'll send it.\n-- \nDana Reyes\nNorthwind Solar", "I'll send it.", 'signature-dashes'],
    ['iphone', "I'll call you at 3.\n\nSent from my iPhone", "I'll call you at 3.", 'mobile-signature'],
    [
      'outlook for ios',
      "I'll call you at 3.\n\nGet Outlook for iOS<https://aka.ms/o0ukef>",
      "I'll call you at 3.",
      'mobile-signature',
    ],
    ['german mobile footer', 'Ich rufe an.\n\nVon meinem iPhone gesendet', 'Ich rufe an.', 'mobile-signature'],
    [
      'sign-off block',
      "I'll send the quote tomorrow.\n\nThanks,\nDana Reyes\nAccount Executive\n(312) 555-0147",
      "I'll send the quote tomorrow.",
      'sign-off',
    ],
    [
      'contact block without sign-off',
      "I'll send the quote tomorrow.\n\nCarolyn Graham\nEnron NetWorks LLC\nVendor Management\n713-345-8008",
      "I'll send the quote tomorrow.",
      'contact-block',
    ],
    [
      'disclaimer',
      'Will send Monday.\n\nCONFIDENTIALITY NOTICE: This e-mail is confidential and intended only for the addressee.',
      'Will send Monday.',
      'disclaimer',
    ],
    [
      '"|" quotes answered inline',
      "| > Almost all of them have nothing to do with threads.\n| Indeed!\n\nOk. I'll re-write to pull threads out.",
      "Ok. I'll re-write to pull threads out.",
      'quote',
    ],
    [
      'a greeting between attribution and quote',
      'On Mon, 14 Oct 2019 16:50:22 +0200\n"Adrian" <a@x.example> wrote:\n\nHello Adrian,\n\n> Still, I would change the label.\n>\nSure, that is safer. I will use that one.',
      'Hello Adrian,\n\nSure, that is safer. I will use that one.',
      'quote',
    ],
    [
      'indented quote under an attribution (Outlook for Mac)',
      'On 9/10/19, 3:05 PM, "Florian" <f@x.example> wrote:\n\n    How about IPv4, do these packets have a problem?\n\nYes IPv4 works. Let me test it and will update the patch.\n\n    > Signed-off-by: Vijay <v@x.example>',
      'Yes IPv4 works. Let me test it and will update the patch.',
      'quote',
    ],
    [
      'a press statement pasted below a cover line',
      'Here is what we are putting out.\n\nFOR IMMEDIATE RELEASE\nThe Governor will sign the bill on Friday.',
      'Here is what we are putting out.',
      'pasted-voice',
    ],
    [
      'talking points in another voice',
      'Draft for your call tomorrow.\n\nTalking points\n- We will continue to fund the program.',
      'Draft for your call tomorrow.',
      'pasted-voice',
    ],
    [
      'a memo for the principal pasted below the cover note',
      'Elena -- here is the memo.\n\nMEMORANDUM FOR THE PRESIDENT\nWe will send you the final options tomorrow.',
      'Elena -- here is the memo.',
      'pasted-voice',
    ],
    [
      'a draft marked DRAFT',
      'Suggested edits below.\n\nDRAFT\nThe President will announce that we will expand the program.',
      'Suggested edits below.',
      'pasted-voice',
    ],
    [
      'a letter drafted for someone else to sign',
      'Here is a draft response.\n\nDear Senator Smith:\nThank you for your letter. I will ask my staff to look into it.',
      'Here is a draft response.',
      'pasted-letter',
    ],
    [
      'a text presented behind a cover line with a colon',
      'Bruce -- proposed language for the signing:\n\nWe will make sure every child has a home.',
      'Bruce -- proposed language for the signing:',
      'introduced-paste',
    ],
    [
      'quoted headers run together on one line',
      'Will do.\n\nFrom: Palin; Sarah (GOV) Sent: Tuesday, March 11, 2008 8:15 AM To: Frye; Ivy J (GOV) Subject: Kenai\n\nCan you call the mayor?',
      'Will do.',
      'header-line',
    ],
    [
      'an Outlook From: line with [mailto:] and nothing else',
      'Will do.\n\nFrom: Palin; Sarah (GOV) [mailto:gov@exchange.soa.invalid]\nCan you call the mayor?',
      'Will do.',
      'from-mailto',
    ],
    [
      'an "Original Message" line drawn with dashes OCR made long',
      'Will do.\n\n—–Original Message—–\nFrom: Palin; Sarah\nCan you call the mayor?',
      'Will do.',
      'outlook-original-message',
    ],
    [
      'a short rule of underscores above the quoted From:',
      'Will do.\n\n_____\n\nFrom: Palin; Sarah (GOV)\nCan you call the mayor?',
      'Will do.',
      'outlook-rule',
    ],
    [
      'a sentence that names who it is from and when stays',
      'From: the Governor. Sent: last week, to all staff. I will send the list Friday.',
      'From: the Governor. Sent: last week, to all staff. I will send the list Friday.',
      null,
    ],
    [
      'a GroupWise quote header',
      "ok. i'll call him.\n\n>>> Bruce Reed 01/14/98 02:02PM >>>\nCan you call Rahm about this?",
      "ok. i'll call him.",
      'groupwise-stamp',
    ],
    [
      'a text behind a cover line that says whose it is',
      'Elena -- the paragraph they want is:\n\nWe will submit legislation to the Congress by March 1.',
      'Elena -- the paragraph they want is:',
      'introduced-paste',
    ],
    [
      'an insert labelled as one',
      'Can you look at this?\n\nINSERT: The President will announce tomorrow that we will expand the program.',
      'Can you look at this?',
      'pasted-voice',
    ],
    [
      "a cover line naming the sender's own plan stays",
      'The paragraph I will add to the memo:\n\nWe will send the budget Friday.',
      'The paragraph I will add to the memo:\n\nWe will send the budget Friday.',
      null,
    ],
    [
      "the sender's own answers behind a colon stay",
      'My answers to your questions:\n\n1. I will send the numbers Friday.',
      'My answers to your questions:\n\n1. I will send the numbers Friday.',
      null,
    ],
    [
      'a prepared Q&A',
      'For tomorrow.\n\nQ: Will the President veto the bill?\nA: We will review it when it reaches his desk.\n\nQ: And the states?\nA: We will work with the governors.',
      'For tomorrow.',
      'prepared-q-and-a',
    ],
    [
      'an informal "Dear all:" is no drafted letter',
      'Quick note below.\n\nDear all:\nI will send the agenda on Friday.',
      'Quick note below.\n\nDear all:\nI will send the agenda on Friday.',
      null,
    ],
    [
      'a letter the sender writes in their own name opens with the salutation',
      'Dear Senator Smith:\nI will send the report on Friday.',
      'Dear Senator Smith:\nI will send the report on Friday.',
      null,
    ],
    [
      'an archived attachment below the note',
      'Here is the latest draft.\n\n==================== ATTACHMENT 1 ====================\nWe will work with Congress. Will you join me?',
      'Here is the latest draft.',
      'attachment-banner',
    ],
    [
      'a table row is not a "|" quote',
      '| name | phone |\n| Ann | 555 |\nI will send the rest.',
      '| name | phone |\n| Ann | 555 |\nI will send the rest.',
      null,
    ],
    [
      'mailing-list footer',
      'I will look into it.\n\n_______________________________________________\nriak-users mailing list\nriak-users@lists.example',
      'I will look into it.',
      'mailing-list-footer',
    ],
  ])('%s', (_name, body, newText, cutBy) => {
    const split = splitReply(body);
    expect(split.newText).toBe(newText);
    expect(split.cutBy).toBe(cutBy);
  });

  it('reports the line of the cut in the normalised body', () => {
    expect(splitReply('Will do.\n\n-----Original Message-----\nFrom: Ann').cutAtLine).toBe(2);
  });

  it('drops a bare name sign-off but keeps the promise', () => {
    expect(newTextOf("Hi Ann,\nI'll send the brochure Friday.\n\nDana")).toBe(
      "Hi Ann,\nI'll send the brochure Friday.",
    );
  });

  it('keeps a bottom-posted answer between quotes', () => {
    const body =
      'On Mon, 2 Nov 2026, Ann <a@x.example> wrote:\n> Can you send the specs?\n\nYes, I will send them today.\n\n> And the price?\n\nBy Friday.';
    expect(splitReply(body)).toEqual({
      newText: 'Yes, I will send them today.\n\nBy Friday.',
      cutBy: 'quote',
      cutAtLine: 0,
    });
  });

  it('treats a line a client wrapped out of a quote as quoted', () => {
    const body =
      'Sure.\n\nOn Mon, 2 Nov 2026, Ann <a@x.example> wrote:\n> Could you please send me the signed contract and the\ninvoice for October?\n> Thanks';
    expect(newTextOf(body)).toBe('Sure.');
  });

  it('stays linear on a huge body', () => {
    const body = `I will send it.\n${'> quoted line that goes on and on\n'.repeat(50_000)}${'-'.repeat(200_000)}\n`;
    const started = performance.now();
    expect(newTextOf(body)).toBe('I will send it.');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('gives every detector an id and a reason', () => {
    expect(new Set(DETECTORS.map((d) => d.id)).size).toBe(DETECTORS.length);
    for (const d of DETECTORS) expect(d.why.length).toBeGreaterThan(10);
  });
});

describe('splitReply leaves ordinary text alone', () => {
  it.each([
    ['a plain mail', "Hi Ann,\nI'll send the brochure Friday."],
    ['a sentence starting with On', 'On Monday I will send it.'],
    ['a To: line in prose', 'To: be honest, I will call you.'],
    ['"wrote:" without a date or address', 'Here is what John wrote:\nI will call you.'],
    ['"wrote:" after a lower-case word', 'As Bob so aptly wrote:\nI will call you.'],
    ['"As I wrote:"', 'As I wrote:\nI will call you.'],
    ['a colon after "text" that presents nothing', 'Please text me at:\n555-1212\nI will call you back tonight.'],
    ['a colon after "release" that presents nothing', 'Timeline for the release:\n- I will send the build Friday.'],
    ['one question answered inline', 'Got your note.\n\nQ: When will the report be ready?\nA: I will send it Friday.'],
    ['a greeting above a sentence', 'Hi,\nOn Friday I will send the deck to Ann.'],
    ['"sent from my" in a sentence', 'Sent from my desk, is much easier then my mobile phone.'],
    ['a date in prose', 'We met on 05/10/2001 01:26 PM and agreed.\nI will send the minutes.'],
    ['dashes inside a line', 'Here is a fix -- not a signature.\nI will ship it.'],
    ['a title-case line among sentences', 'Quarterly Review\nI will send the numbers Friday.\nThanks for waiting.'],
  ])('%s', (_name, body) => {
    expect(splitReply(body)).toEqual({ newText: body.trim(), cutBy: null, cutAtLine: null });
  });
});

describe('replyLines: the reply with its quotes marked, up to the earlier mail', () => {
  const lines = (body: string) => replyLines(body).map((l) => (l.quoted ? `> ${l.text}` : l.text));

  it('keeps the quoted lines between inline answers, marked', () => {
    const body = 'Am 16.11.2026 um 07:30 schrieb Ann <a@x.example>:\n> 1. first\nDone\n> 2. second\nDrop';
    expect(replyLines(body)).toEqual([
      { text: 'Am 16.11.2026 um 07:30 schrieb Ann <a@x.example>:', quoted: true },
      { text: '> 1. first', quoted: true },
      { text: 'Done', quoted: false },
      { text: '> 2. second', quoted: true },
      { text: 'Drop', quoted: false },
    ]);
  });

  it.each([
    ['a quote below the reply', 'done 2\n\nOn Mon, 16 Nov 2026, Ann <a@x.example> wrote:\n> drop 1', ['done 2']],
    [
      'an Outlook header block',
      'done 2\nDe : Ann <a@x.example>\nEnvoyé : lundi\nÀ : Dana\nObjet : x\ndrop 1',
      ['done 2'],
    ],
    ['a signature separator', 'done 2\n-- \ndrop 1', ['done 2']],
  ])('stops at %s', (_name, body, kept) => {
    expect(lines(body)).toEqual(kept);
  });

  it('keeps a short column of commands a signature heuristic would cut', () => {
    expect(lines('Hi,\nDone 1\nDrop')).toEqual(['Hi,', 'Done 1', 'Drop']);
    expect(newTextOf('Hi,\nDone 1\nDrop')).toBe('Hi,\nDone 1');
  });
});
