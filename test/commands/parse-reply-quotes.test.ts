// A reply to a digest is read with the mail quote detector (parse/reply-text.ts): whatever language or client
// quoted the digest, only the command typed above it is obeyed, never a line of the quoted or pasted digest.
import { describe, expect, it } from 'vitest';
import { parseReplyCommands } from '../../src/commands/parse-reply.js';

/** Mon 16 Nov 2026 08:10 in Chicago. */
const NOW = new Date('2026-11-16T14:10:00Z');
const parse = (text: string) => parseReplyCommands(text, NOW, 'America/Chicago');

/** The digest as sent, with an earlier reply's commands in it: each would be obeyed if read as new text. */
const DIGEST = [
  'OVERDUE (1)',
  '',
  '1. "I\'ll send the quote Friday."',
  '   to Priya Shah <priya@harbor.example> · "Quote" · sent Tue 10 Nov',
  '',
  'drop 1',
  'done 3',
  'snooze 4 monday',
  '--',
  'Reply to this mail with one command per line:',
  '  done 2           you did it (also "done 2 3" or "done 1-3")',
].join('\n');
const quoted = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
const TOP = [{ verb: 'done', numbers: [2] }];

describe('a digest reply quoted in any language: only the top command is obeyed', () => {
  it.each([
    ['English Gmail, ">" quotes', 'On Mon, Nov 16, 2026 at 7:30 AM followthru <dana@northwind.example> wrote:', true],
    [
      'German Gmail, ">" quotes',
      'Am Mo., 16. Nov. 2026 um 07:30 Uhr schrieb followthru <dana@northwind.example>:',
      true,
    ],
    ['German, the digest pasted bare', 'Am 16.11.2026 um 07:30 schrieb followthru <dana@northwind.example>:', false],
    ['French Gmail, ">" quotes', 'Le lun. 16 nov. 2026 à 07:30, followthru <dana@northwind.example> a écrit :', true],
    ['French, the digest pasted bare', 'Le 16 nov. 2026 à 07:30, followthru <dana@northwind.example> a écrit :', false],
    ['Spanish, ">" quotes', 'El lun, 16 nov 2026 a las 7:30, followthru (<dana@northwind.example>) escribió:', true],
    [
      'Dutch, the digest pasted bare',
      'Op ma 16 nov. 2026 om 07:30 schreef followthru <dana@northwind.example>:',
      false,
    ],
    [
      'Outlook, English header block',
      'From: followthru <dana@northwind.example>\nSent: Monday, November 16, 2026 7:30 AM\nTo: Dana Reyes <dana@northwind.example>\nSubject: followthru: 2 open',
      false,
    ],
    [
      'Outlook, German header block under a rule',
      '________________________________\nVon: followthru <dana@northwind.example>\nGesendet: Montag, 16. November 2026 07:30\nAn: Dana Reyes <dana@northwind.example>\nBetreff: followthru: 2 offen',
      false,
    ],
    [
      'Outlook, French header block',
      'De : followthru <dana@northwind.example>\nEnvoyé : lundi 16 novembre 2026 07:30\nÀ : Dana Reyes <dana@northwind.example>\nObjet : followthru : 2 en cours',
      false,
    ],
    ['Outlook, German "Ursprüngliche Nachricht"', '-----Ursprüngliche Nachricht-----', false],
    ['Outlook, French "Message d\'origine"', "-----Message d'origine-----", false],
  ])('%s', (_name, header, withMarks) => {
    const reply = `done 2\n\n${header}\n${withMarks ? quoted(DIGEST) : DIGEST}`;
    expect(parse(reply)).toEqual(TOP);
  });

  it('the quoted digest alone, in any of these forms, commands nothing', () => {
    expect(parse(`Am Mo., 16. Nov. 2026 um 07:30 Uhr schrieb followthru <d@x.example>:\n${quoted(DIGEST)}`)).toEqual(
      [],
    );
    expect(parse(`Von: followthru <d@x.example>\nGesendet: Montag\nAn: Dana\nBetreff: x\n\n${DIGEST}`)).toEqual([]);
  });
});

describe('an inline reply between quoted digest lines', () => {
  it('a bare command under a quoted item applies to that item, whatever its case', () => {
    const reply = [
      'Le lun. 16 nov. 2026 à 07:30, followthru <dana@northwind.example> a écrit :',
      '> 1. "I\'ll send the quote Friday."',
      'Done',
      '> 2. "Could you send the W-9?"',
      'Drop',
      '> drop 3',
    ].join('\n');
    expect(parse(reply)).toEqual([
      { verb: 'done', numbers: [1] },
      { verb: 'drop', numbers: [2] },
    ]);
  });

  it('a column of short commands is not mistaken for a signature block', () => {
    expect(parse('Hi,\nDone 1\nDrop 2\nReopen 3')).toEqual([
      { verb: 'done', numbers: [1] },
      { verb: 'drop', numbers: [2] },
      { verb: 'reopen', numbers: [3] },
    ]);
  });
});
